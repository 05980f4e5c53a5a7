import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { bearer, expectStatus, PASSWORD, signupBody } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

const GRACE_SECONDS = 2;

describe('sign-up, sign-in, refresh and sign-out', () => {
  let api: TestApi;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi({ env: { REFRESH_REUSE_GRACE_SECONDS: String(GRACE_SECONDS) } });
  });
  afterAll(() => api.close());

  async function signUp() {
    const body = signupBody();
    const response = expectStatus(await http().post('/api/v1/signup').send(body), 201);
    return { body, response: response.body };
  }

  const refresh = (refreshToken: string) => http().post('/api/v1/auth/refresh').send({ refreshToken });

  it('creates the shop and its owner, signed in', async () => {
    const { body, response } = await signUp();
    expect(response.tenant).toMatchObject({ name: 'Corner Shop', slug: body.slug, currency: 'EUR', timeZone: 'Europe/Berlin' });
    expect(response.user).toMatchObject({ email: body.email, role: 'owner', active: true, storeIds: [] });
    expect(response.expiresIn).toBe(900);
    const me = expectStatus(await http().get('/api/v1/me').set(bearer(response.accessToken)), 200).body;
    expect(me).toMatchObject({ role: 'owner', user: { id: response.user.id }, tenant: { id: response.tenant.id } });
  });

  it('signs in by shop slug, email and password; the email is case-insensitive', async () => {
    const { body } = await signUp();
    const login = expectStatus(
      await http().post('/api/v1/auth/login').send({ tenant: body.slug, email: body.email.toUpperCase(), password: PASSWORD }),
      200,
    ).body;
    expect(login).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    expectStatus(await http().get('/api/v1/me').set(bearer(login.accessToken)), 200);
  });

  it('refuses a wrong password, an unknown email and an unknown shop alike', async () => {
    const { body } = await signUp();
    for (const attempt of [
      { tenant: body.slug, email: body.email, password: 'wrong password!' },
      { tenant: body.slug, email: 'nobody@example.test', password: PASSWORD },
      { tenant: 'no-such-shop', email: body.email, password: PASSWORD },
    ]) {
      const response = await http().post('/api/v1/auth/login').send(attempt);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe(ErrorCode.InvalidCredentials);
    }
  });

  it('rotates refresh tokens: the new pair works', async () => {
    const { response } = await signUp();
    const rotated = expectStatus(await refresh(response.refreshToken), 200).body;
    expect(rotated.refreshToken).not.toBe(response.refreshToken);
    expectStatus(await http().get('/api/v1/me').set(bearer(rotated.accessToken)), 200);
    expectStatus(await refresh(rotated.refreshToken), 200);
  });

  it('lets two tabs refresh with the same token inside the grace window, and both keep working', async () => {
    const { response } = await signUp();
    const [first, second] = await Promise.all([refresh(response.refreshToken), refresh(response.refreshToken)]);
    expectStatus(first, 200);
    expectStatus(second, 200);
    expectStatus(await refresh(first.body.refreshToken), 200);
    expectStatus(await refresh(second.body.refreshToken), 200);
  });

  it('revokes the whole family when a spent token comes back after the grace window', async () => {
    const { response } = await signUp();
    const rotated = expectStatus(await refresh(response.refreshToken), 200).body;
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000 + 300));
    const reuse = await refresh(response.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe(ErrorCode.TokenReused);
    const descendant = await refresh(rotated.refreshToken);
    expect(descendant.status).toBe(401);
    const again = await refresh(response.refreshToken);
    expect(again.status).toBe(401);
  });

  it('signs out: the refresh token stops working', async () => {
    const { response } = await signUp();
    expectStatus(await http().post('/api/v1/auth/logout').send({ refreshToken: response.refreshToken }), 204);
    const after = await refresh(response.refreshToken);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe(ErrorCode.InvalidToken);
  });

  it('refuses requests without a token or with a forged one', async () => {
    expect((await http().get('/api/v1/me')).status).toBe(401);
    expect((await http().get('/api/v1/me').set(bearer('not.a.jwt'))).status).toBe(401);
    expect((await http().get('/api/v1/me').set(bearer('kas_forged'))).status).toBe(401);
  });

  it('answers a taken slug with 409 slug_taken', async () => {
    const { body } = await signUp();
    const again = await http()
      .post('/api/v1/signup')
      .send(signupBody({ slug: body.slug }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: ErrorCode.SlugTaken, errors: [{ field: 'slug' }] });
  });
});
