import { Client } from 'pg';
import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { bearer, expectStatus, PASSWORD, signupBody } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

describe('sign-up with bad input', () => {
  let api: TestApi;
  const signup = (body: object) => request(api.app.getHttpServer()).post('/api/v1/signup').send(body);

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function tenantCount(): Promise<number> {
    const owner = new Client({ connectionString: api.database.url });
    await owner.connect();
    const { rows } = await owner.query(`SELECT (SELECT count(*) FROM tenant) + (SELECT count(*) FROM tenant_directory) AS n`);
    await owner.end();
    return Number(rows[0].n);
  }

  it.each([
    ['a malformed email', { email: 'not-an-email' }, 'email'],
    ['a shop name over 200 characters', { tenantName: 'x'.repeat(201) }, 'tenantName'],
    ['an owner name over 200 characters', { ownerName: 'x'.repeat(201) }, 'ownerName'],
    ['an unknown currency', { currency: 'EURO' }, 'currency'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['a short password', { password: 'short' }, 'password'],
    ['a password of only spaces', { password: ' '.repeat(16) }, 'password'],
    ['one of the most common passwords', { password: ' Password123' }, 'password'],
    ['the email as password', { email: 'ana@corner.test', password: 'ANA@corner.test' }, 'password'],
    ['a slug with capitals and spaces', { slug: 'My Shop' }, 'slug'],
    ['pricesIncludeTax as text', { pricesIncludeTax: 'yes' }, 'pricesIncludeTax'],
    ['a first store with a bad code', { store: { name: 'Main street', code: 'has spaces' } }, 'store.code'],
    ['a first store without a name', { store: { code: 'MAIN' } }, 'store.name'],
    ['a first store as text', { store: 'Main street' }, 'store'],
  ])('refuses %s with 400 naming the field, leaving no tenant behind', async (_, overrides, field) => {
    const before = await tenantCount();
    const response = await signup(signupBody(overrides));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(ErrorCode.ValidationFailed);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(await tenantCount()).toBe(before);
  });

  it('creates the first store, with its api register, when the signup names one; none when it does not', async () => {
    const signedUp = expectStatus(await signup(signupBody({ store: { name: 'Main street', code: 'MAIN' } })), 201).body;
    expect(signedUp.store).toMatchObject({ name: 'Main street', code: 'MAIN' });
    const stores = expectStatus(await request(api.app.getHttpServer()).get('/api/v1/stores').set(bearer(signedUp.accessToken)), 200).body.items;
    expect(stores).toEqual([signedUp.store]);
    const registers = expectStatus(
      await request(api.app.getHttpServer()).get(`/api/v1/stores/${signedUp.store.id}/registers`).set(bearer(signedUp.accessToken)),
      200,
    ).body.items;
    expect(registers).toEqual([expect.objectContaining({ kind: 'api' })]);

    const plain = expectStatus(await signup(signupBody()), 201).body;
    expect(plain.store).toBeUndefined();
    expect(expectStatus(await request(api.app.getHttpServer()).get('/api/v1/stores').set(bearer(plain.accessToken)), 200).body.items).toEqual([]);
  });

  it('refuses a missing field and an unknown one', async () => {
    const withoutCurrency: Record<string, unknown> = signupBody();
    delete withoutCurrency['currency'];
    const missing = await signup(withoutCurrency);
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error: { field: string }) => error.field)).toContain('currency');
    const unknown = await signup({ ...signupBody(), plan: 'enterprise' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'plan', message: expect.any(String) }]);
  });

  it('leaves nothing behind when the slug is taken, and the slug stays with its first shop', async () => {
    const first = signupBody();
    expectStatus(await signup(first), 201);
    const before = await tenantCount();
    const second = await signup(signupBody({ slug: first.slug }));
    expect(second.status).toBe(409);
    expect(await tenantCount()).toBe(before);
  });

  it('says why a common password is refused', async () => {
    const response = await signup(signupBody({ password: 'QWERTYUIOP' }));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'password', message: expect.stringContaining('most commonly used') }]);
  });

  it('holds an invited user to the same rules, and leaves the invite link usable after a refusal', async () => {
    const owner = expectStatus(await signup(signupBody()), 201).body;
    const invited = expectStatus(
      await request(api.app.getHttpServer())
        .post('/api/v1/users')
        .set(bearer(owner.accessToken))
        .send({ name: 'New Cashier', email: `cashier@${owner.tenant.slug}.test`, role: 'cashier' }),
      201,
    ).body;
    const setPassword = (password: string) =>
      request(api.app.getHttpServer()).post('/api/v1/auth/set-password').send({ token: invited.invite.token, password });
    for (const password of [' '.repeat(12), '1q2w3e4r5t', 'short']) {
      const response = await setPassword(password);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: ErrorCode.ValidationFailed });
      expect(response.body.errors).toEqual([{ field: 'password', message: expect.any(String) }]);
    }
    expectStatus(await setPassword(PASSWORD), 204);
  });
});
