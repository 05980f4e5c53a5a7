import { uuidv7 } from '@kassa/contracts';
import { decodeOpaqueToken, encodeOpaqueToken, hashSecret, newOpaqueToken, secretMatches } from './opaque-token';

describe('opaque tokens', () => {
  const token = newOpaqueToken(uuidv7(), uuidv7());

  it('round-trips the tenant id, the row id and the secret', () => {
    const decoded = decodeOpaqueToken('kas_', encodeOpaqueToken('kas_', token));
    expect(decoded).toEqual(token);
  });

  it('refuses another prefix, a truncated token and garbage', () => {
    const text = encodeOpaqueToken('kas_', token);
    expect(decodeOpaqueToken('rt_', text)).toBeUndefined();
    expect(decodeOpaqueToken('kas_', text.slice(0, -4))).toBeUndefined();
    expect(decodeOpaqueToken('kas_', 'kas_not-a-token')).toBeUndefined();
    expect(decodeOpaqueToken('kas_', `kas_${Buffer.alloc(64, 0xff).toString('base64url')}`)).toBeUndefined();
  });

  it('matches only the secret whose hash was stored', () => {
    const stored = hashSecret(token.secret);
    expect(secretMatches(token.secret, stored)).toBe(true);
    expect(secretMatches(newOpaqueToken(token.tenantId, token.id).secret, stored)).toBe(false);
  });
});
