import { JwtService } from '@nestjs/jwt';
import { KeyObject } from 'node:crypto';
import { accessTokenJwtOptions } from './access-token-key';

const SECRET = 'kassa-unit-test-secret-of-at-least-32-chars';

describe('accessTokenJwtOptions', () => {
  it('hands jsonwebtoken a key built once, not the secret string it would re-derive per token', () => {
    expect(accessTokenJwtOptions(SECRET).secret).toBeInstanceOf(KeyObject);
  });

  it('verifies the tokens it signs and refuses those signed with another secret', () => {
    const sut = new JwtService(accessTokenJwtOptions(SECRET));
    const token = sut.sign({ sub: 'u1', tid: 't1' });
    expect(sut.verify<{ sub: string }>(token).sub).toBe('u1');
    expect(() => new JwtService(accessTokenJwtOptions(`${SECRET}-other`)).verify(token)).toThrow();
    // The same secret in another process (another API worker) accepts the token.
    expect(new JwtService(accessTokenJwtOptions(SECRET)).verify<{ tid: string }>(token).tid).toBe('t1');
  });
});
