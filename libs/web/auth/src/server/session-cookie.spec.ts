import { NextResponse } from 'next/server';
import { clearRefreshCookie, readRefreshCookie, REFRESH_COOKIE, setRefreshCookie } from './session-cookie';

describe('the refresh cookie', () => {
  it('is httpOnly, Secure, SameSite=Strict and only sent to the session routes', () => {
    const response = NextResponse.json({});
    setRefreshCookie(response, 'rt_secret');
    const header = response.headers.get('set-cookie') ?? '';
    expect(header).toContain(`${REFRESH_COOKIE}=rt_secret`);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/Secure/i);
    expect(header).toMatch(/SameSite=strict/i);
    expect(header).toContain('Path=/session');
  });

  it('is expired on sign-out', () => {
    const response = NextResponse.json({});
    clearRefreshCookie(response);
    expect(response.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  });

  it('is read back from the request among other cookies', () => {
    const request = new Request('http://web.test/session/refresh', { headers: { cookie: `theme=dark; ${REFRESH_COOKIE}=a%3Db; other=1` } });
    expect(readRefreshCookie(request)).toBe('a=b');
    expect(readRefreshCookie(new Request('http://web.test/'))).toBeUndefined();
  });
});
