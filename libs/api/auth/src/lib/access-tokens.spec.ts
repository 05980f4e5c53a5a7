import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@kassa/api/config';
import { accessTokenJwtOptions } from './access-token-key';
import { AccessTokens } from './access-tokens';

const SECRET = 'kassa-unit-test-secret-of-at-least-32-chars';

describe('AccessTokens', () => {
  const jwt = new JwtService(accessTokenJwtOptions(SECRET));
  const tokens = () => new AccessTokens(jwt, { auth: { accessTokenTtlSeconds: 900 } } as AppConfig);
  afterEach(() => jest.useRealTimers());

  it('checks a token once and answers it from memory until it expires, then refuses it', () => {
    jest.useFakeTimers({ now: new Date('2026-11-30T12:00:00Z') });
    const sut = tokens();
    const { accessToken } = sut.issue('t1', 'u1', 'r1');
    const verify = jest.spyOn(jwt, 'verify');
    expect(sut.verify(accessToken)).toEqual({ tenantId: 't1', userId: 'u1', registerId: 'r1' });
    expect(sut.verify(accessToken)).toEqual({ tenantId: 't1', userId: 'u1', registerId: 'r1' });
    expect(verify).toHaveBeenCalledTimes(1);

    jest.setSystemTime(new Date('2026-11-30T12:15:01Z'));
    expect(sut.verify(accessToken)).toBeUndefined();
    verify.mockRestore();
  });

  it('remembers no token it refused', () => {
    const sut = tokens();
    const forged = new JwtService(accessTokenJwtOptions(`${SECRET}-other`)).sign({ sub: 'u1', tid: 't1' }, { expiresIn: 900 });
    const verify = jest.spyOn(jwt, 'verify');
    expect(sut.verify(forged)).toBeUndefined();
    expect(sut.verify(forged)).toBeUndefined();
    expect(verify).toHaveBeenCalledTimes(2);
    verify.mockRestore();
  });

  it('forgets the oldest tokens past 10,000, so distinct tokens cannot grow memory without bound', () => {
    const sut = tokens();
    const first = sut.issue('t1', 'u0').accessToken;
    sut.verify(first);
    for (let user = 1; user <= 10_000; user++) sut.verify(sut.issue('t1', `u${user}`).accessToken);
    const verify = jest.spyOn(jwt, 'verify');
    expect(sut.verify(first)?.userId).toBe('u0');
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockRestore();
  });
});
