import { startWebStack, WebStack } from './support/web-stack';
import { createShop, newShopAccount, type ShopAccount } from './support/shop-accounts';

function refreshCookieOf(response: Response): string | undefined {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith('kassa_refresh='));
  return header?.split(';')[0].slice('kassa_refresh='.length);
}

describe("the web app's session routes and API proxy over HTTP", () => {
  let stack: WebStack;
  let account: ShopAccount;

  const post = (path: string, body?: object, cookie?: string) =>
    fetch(`${stack.web.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie: `kassa_refresh=${cookie}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  beforeAll(async () => {
    stack = await startWebStack({ REFRESH_REUSE_GRACE_SECONDS: '0' });
    account = newShopAccount('Routes Shop');
    await createShop(stack.api.baseUrl, account);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('answers a refresh without a session cookie with 204 and no cookie', async () => {
    const response = await post('/session/refresh');
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('gives the page only the access token, rotates the cookie on refresh, and spends it on sign-out', async () => {
    const login = await post('/session/login', { tenant: account.slug, email: account.email, password: account.password });
    expect(login.status).toBe(200);
    const body = (await login.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresIn']);
    const first = refreshCookieOf(login);
    expect(first).toBeTruthy();

    const refreshed = await post('/session/refresh', undefined, first);
    expect(refreshed.status).toBe(200);
    const second = refreshCookieOf(refreshed);
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);

    const logout = await post('/session/logout', undefined, second);
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie()[0]).toMatch(/^kassa_refresh=;.*Max-Age=0/);
    const afterLogout = await post('/session/refresh', undefined, second);
    expect(afterLogout.status).toBe(401);
    expect(afterLogout.headers.getSetCookie()[0]).toMatch(/Max-Age=0/);
  });

  it("passes the API's problem document and field errors through to the form", async () => {
    const response = await post('/session/signup', { slug: 'Not A Slug' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; errors: { field: string }[] };
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((error) => error.field)).toEqual(expect.arrayContaining(['slug', 'email', 'password']));
  });

  it('proxies API calls on the web origin with their status, problem body and request id', async () => {
    const response = await fetch(`${stack.web.baseUrl}/api/v1/me`, { headers: { 'x-request-id': 'web-proxy-check-1' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toBe('web-proxy-check-1');
    expect(((await response.json()) as { code: string }).code).toBe('unauthorized');
  });

  it('answers 503 with a problem document when the API is down', async () => {
    await stack.api.stop();
    const proxied = await fetch(`${stack.web.baseUrl}/api/v1/me`);
    expect(proxied.status).toBe(503);
    expect(((await proxied.json()) as { code: string }).code).toBe('service_unavailable');
    const login = await post('/session/login', { tenant: account.slug, email: account.email, password: account.password });
    expect(login.status).toBe(503);
  });
});
