import 'server-only';
import { NextResponse } from 'next/server';
import { ErrorCode, PROBLEM_CONTENT_TYPE, type ProblemDetails } from '@kassa/contracts';
import { apiOrigin } from './api-origin';
import { forwardedHeaders } from './forwarded-headers';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './session-cookie';

interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

function problem(status: number, code: ErrorCode, detail: string): NextResponse {
  const body: ProblemDetails = { type: 'about:blank', title: detail, status, code, detail };
  return NextResponse.json(body, { status, headers: { 'content-type': PROBLEM_CONTENT_TYPE } });
}

async function callApi(request: Request, path: string, body: string): Promise<Response | undefined> {
  const headers = forwardedHeaders(request);
  headers.set('content-type', 'application/json');
  headers.delete('authorization');
  return fetch(`${apiOrigin()}${path}`, { method: 'POST', headers, body, cache: 'no-store' }).catch(() => undefined);
}

/** Passes the API's error on as it is, so forms can show its `code` and field errors. */
async function relayError(response: Response): Promise<NextResponse> {
  return new NextResponse(await response.text(), {
    status: response.status,
    headers: { 'content-type': response.headers.get('content-type') ?? PROBLEM_CONTENT_TYPE },
  });
}

/** The browser gets the access token; the refresh token goes into the cookie and nowhere else. */
async function startSession(response: Response): Promise<NextResponse> {
  const pair = (await response.json()) as TokenPair;
  const result = NextResponse.json({ accessToken: pair.accessToken, expiresIn: pair.expiresIn }, { headers: { 'cache-control': 'no-store' } });
  setRefreshCookie(result, pair.refreshToken);
  return result;
}

const unreachable = () => problem(503, ErrorCode.ServiceUnavailable, 'The API cannot be reached.');

async function signIn(request: Request, apiPath: string): Promise<NextResponse> {
  const response = await callApi(request, apiPath, await request.text());
  if (!response) return unreachable();
  return response.ok ? startSession(response) : relayError(response);
}

async function refresh(request: Request): Promise<NextResponse> {
  const refreshToken = readRefreshCookie(request);
  // No cookie is the ordinary signed-out state, not an error: every visit to /login asks.
  if (!refreshToken) return new NextResponse(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  const response = await callApi(request, '/api/v1/auth/refresh', JSON.stringify({ refreshToken }));
  if (!response) return unreachable();
  if (response.ok) return startSession(response);
  const result = await relayError(response);
  if (response.status === 401) clearRefreshCookie(result);
  return result;
}

async function signOut(request: Request): Promise<NextResponse> {
  const refreshToken = readRefreshCookie(request);
  if (refreshToken) await callApi(request, '/api/v1/auth/logout', JSON.stringify({ refreshToken }));
  const result = new NextResponse(null, { status: 204 });
  clearRefreshCookie(result);
  return result;
}

const ACTIONS: Record<string, (request: Request) => Promise<NextResponse>> = {
  login: (request) => signIn(request, '/api/v1/auth/login'),
  signup: (request) => signIn(request, '/api/v1/signup'),
  refresh,
  logout: signOut,
};

/** POST /session/{login,signup,refresh,logout}: the only code that touches the refresh token. */
export function handleSessionAction(action: string, request: Request): Promise<NextResponse> {
  const handler = ACTIONS[action];
  return handler ? handler(request) : Promise.resolve(problem(404, ErrorCode.RouteNotFound, 'No such session action.'));
}
