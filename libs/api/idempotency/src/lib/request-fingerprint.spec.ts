import { canonicalJson, requestFingerprint } from './request-fingerprint';

describe('request fingerprints', () => {
  it('ignore the order of keys but not of array items', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(requestFingerprint('POST', '/sales', { a: 1, b: 2 })).toEqual(requestFingerprint('POST', '/sales', { b: 2, a: 1 }));
    expect(requestFingerprint('POST', '/sales', { lines: [1, 2] })).not.toEqual(requestFingerprint('POST', '/sales', { lines: [2, 1] }));
  });

  it('differ by route and by body', () => {
    const base = requestFingerprint('POST', '/sales', { total: 1 });
    expect(requestFingerprint('POST', '/refunds', { total: 1 })).not.toEqual(base);
    expect(requestFingerprint('POST', '/sales', { total: 2 })).not.toEqual(base);
  });
});
