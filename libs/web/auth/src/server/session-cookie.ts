import type { NextResponse } from 'next/server';

/**
 * The refresh token lives only in this cookie: httpOnly (no script reads it), Secure, SameSite=Strict
 * (no other site can make the browser send it) and scoped to the session routes.
 */
export const REFRESH_COOKIE = 'kassa_refresh';
const PATH = '/session';
const THIRTY_DAYS = 30 * 24 * 60 * 60;

export function setRefreshCookie(response: NextResponse, refreshToken: string): void {
  response.cookies.set(REFRESH_COOKIE, refreshToken, { httpOnly: true, secure: true, sameSite: 'strict', path: PATH, maxAge: THIRTY_DAYS });
}

export function clearRefreshCookie(response: NextResponse): void {
  response.cookies.set(REFRESH_COOKIE, '', { httpOnly: true, secure: true, sameSite: 'strict', path: PATH, maxAge: 0 });
}

export function readRefreshCookie(request: Request): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return decodeURIComponent(value.join('=')) || undefined;
  }
  return undefined;
}
