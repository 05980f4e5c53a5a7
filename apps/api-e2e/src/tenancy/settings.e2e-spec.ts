import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { bearer, createTenant, expectStatus, signupBody, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

describe("the shop's locale on /api/v1/tenant", () => {
  let api: TestApi;
  let shop: TenantFixture;
  let other: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const tenantOf = async (token: string) => expectStatus(await http().get('/api/v1/tenant').set(bearer(token)), 200).body;

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Locale');
    other = await createTenant(api.app, 'Elsewhere');
  });
  afterAll(() => api.close());

  it.each([
    ['EUR', 'Europe/Berlin', 'de-DE'],
    ['EUR', 'Europe/Paris', 'fr-FR'],
    ['CHF', 'Europe/Zurich', 'de-CH'],
    ['USD', 'America/Chicago', 'en-US'],
  ])('starts a shop signed up with %s in %s as %s', async (currency, timeZone, locale) => {
    const signedUp = expectStatus(await http().post('/api/v1/signup').send(signupBody({ currency, timeZone })), 201).body;
    expect(signedUp.tenant.locale).toBe(locale);
    expect((await tenantOf(signedUp.accessToken)).locale).toBe(locale);
  });

  it('lets the owner change it, stored in its canonical spelling, with the version bumped and audited', async () => {
    const before = await tenantOf(shop.owner.accessToken);
    const after = expectStatus(await http().patch('/api/v1/tenant').set(bearer(shop.owner.accessToken)).send({ locale: 'en-us' }), 200).body;
    expect(after).toMatchObject({ locale: 'en-US', currency: before.currency, version: before.version + 1 });
    expect((await tenantOf(shop.cashier.accessToken)).locale).toBe('en-US');
    const [change] = expectStatus(
      await http().get(`/api/v1/audit-logs?entityType=tenant&entityId=${shop.id}&action=update`).set(bearer(shop.owner.accessToken)),
      200,
    ).body.items;
    expect(change.changes.locale).toEqual([before.locale, 'en-US']);
  });

  it.each(['de_DE', 'german', '', 'qaa-DE', 42])('refuses %p with a 400 naming locale', async (locale) => {
    const before = await tenantOf(shop.owner.accessToken);
    const response = expectStatus(await http().patch('/api/v1/tenant').set(bearer(shop.owner.accessToken)).send({ locale }), 400);
    expect(response.body.code).toBe(ErrorCode.ValidationFailed);
    expect(response.body.errors).toEqual([{ field: 'locale', message: expect.stringContaining('BCP 47') }]);
    expect(await tenantOf(shop.owner.accessToken)).toEqual(before);
  });

  it('keeps a cashier from changing it', async () => {
    const response = await http().patch('/api/v1/tenant').set(bearer(shop.cashier.accessToken)).send({ locale: 'fr-FR' });
    expect(response.status).toBe(403);
  });

  it("changes only the caller's shop", async () => {
    const untouched = await tenantOf(other.owner.accessToken);
    expectStatus(await http().patch('/api/v1/tenant').set(bearer(shop.owner.accessToken)).send({ locale: 'it-IT' }), 200);
    expect(await tenantOf(other.owner.accessToken)).toEqual(untouched);
    expect((await tenantOf(shop.owner.accessToken)).locale).toBe('it-IT');
  });
});
