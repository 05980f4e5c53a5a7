import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { eventually } from '@kassa/testing';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

describe('customers', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const create = (shop: TenantFixture, body: object, token = shop.owner.accessToken) => http().post('/api/v1/customers').set(bearer(token)).send(body);

  beforeAll(async () => {
    api = await startTestApi({ env: { OUTBOX_POLL_MS: '200' } });
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  it('signs a customer up at the till, announces customer.created and finds them by name, email or phone', async () => {
    const body = { name: 'Grete Olsen', email: 'Grete@Example.test', phone: '+49 30 1234567', tags: ['regular'], marketingConsent: true };
    const created = expectStatus(await create(a, body, a.cashier.accessToken), 201).body;
    expect(created).toMatchObject({ ...body, email: 'grete@example.test', erased: false, version: 1 });
    for (const q of ['olsen', 'GRETE@', '1234567']) {
      const found = expectStatus(
        await http()
          .get(`/api/v1/customers?q=${encodeURIComponent(q)}`)
          .set(bearer(a.owner.accessToken)),
        200,
      ).body.items;
      expect([q, found.map((customer: { id: string }) => customer.id)]).toEqual([q, [created.id]]);
    }
    const events = await eventually(
      async () => expectStatus(await http().get('/api/v1/events?types=customer.created').set(bearer(a.apiKey)), 200).body.items,
      (items: { aggregateId: string }[]) => items.some((event) => event.aggregateId === created.id),
    );
    expect(events.length).toBeGreaterThan(0);
  });

  it('keeps emails unique per shop, not across shops', async () => {
    expectStatus(await create(a, { name: 'First', email: 'same@example.test' }), 201);
    const again = await create(a, { name: 'Second', email: 'SAME@example.test' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: ErrorCode.CustomerEmailTaken, errors: [{ field: 'email' }] });
    expectStatus(await create(b, { name: 'Elsewhere', email: 'same@example.test' }), 201);
  });

  it('erases personal data but keeps the customer, for managers and owners only', async () => {
    const customer = expectStatus(await create(a, { name: 'Leaving Customer', email: 'leaving@example.test', phone: '0301234', notes: 'likes rye' }), 201).body;
    expect((await http().post(`/api/v1/customers/${customer.id}/erase`).set(bearer(a.cashier.accessToken))).status).toBe(403);
    const erased = expectStatus(await http().post(`/api/v1/customers/${customer.id}/erase`).set(bearer(a.manager.accessToken)), 200).body;
    expect(erased).toMatchObject({ id: customer.id, name: 'Erased customer', email: null, phone: null, notes: null, tags: [], erased: true });
    const found = expectStatus(await http().get('/api/v1/customers?q=leaving').set(bearer(a.owner.accessToken)), 200).body.items;
    expect(found).toEqual([]);
    const audit = expectStatus(await http().get(`/api/v1/audit-logs?entityType=customer&entityId=${customer.id}`).set(bearer(a.owner.accessToken)), 200).body
      .items;
    expect(JSON.stringify(audit[0])).not.toContain('leaving@example.test');
  });

  it('never shows another shop its customers', async () => {
    const secret = expectStatus(await create(b, { name: 'Only Bravo Knows' }), 201).body;
    expect(expectStatus(await http().get('/api/v1/customers?q=bravo').set(bearer(a.owner.accessToken)), 200).body.items).toEqual([]);
    expect((await http().get(`/api/v1/customers/${secret.id}`).set(bearer(a.apiKey))).status).toBe(404);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email' }, 'email'],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
    ['letters in the phone number', { phone: 'call me maybe' }, 'phone'],
    ['a tag with markup', { tags: ['<b>vip</b>'] }, 'tags'],
  ])('refuses %s, naming the field', async (_, overrides, field) => {
    const response = await create(a, { name: 'Bad Input', ...overrides });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });
});
