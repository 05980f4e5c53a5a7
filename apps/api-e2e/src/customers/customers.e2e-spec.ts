import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
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

  it('takes a client id once and, with merge, answers the customer the shop already has by email or phone (200) — in its own shop only', async () => {
    const existing = expectStatus(await create(a, { name: 'Ada Lovelace', email: 'ada@example.test' }), 201).body;
    const byPhone = expectStatus(await create(a, { name: 'Phone Only', phone: '+49 30 555' }), 201).body;
    const clientId = uuidv7();

    const merged = await create(a, { id: clientId, name: 'Ada L.', email: 'ADA@example.test', merge: true }, a.cashier.accessToken);
    expect([merged.status, merged.body.id, merged.body.name]).toEqual([200, existing.id, 'Ada Lovelace']);
    expect(expectStatus(await create(a, { id: uuidv7(), name: 'P.', phone: '+49 30 555', merge: true }), 200).body.id).toBe(byPhone.id);
    // Without merge the conflict stays a conflict.
    expect((await create(a, { id: uuidv7(), name: 'Ada again', email: 'ada@example.test' })).status).toBe(409);

    const fresh = { id: uuidv7(), name: 'New Person', email: 'new.person@example.test', merge: true };
    const first = expectStatus(await create(a, fresh), 201).body;
    expect(first.id).toBe(fresh.id);
    const resent = await create(a, fresh);
    expect([resent.status, resent.body.id]).toEqual([200, fresh.id]);
    // Another shop with the same email, or even the same client id, gets its own customer.
    expect(expectStatus(await create(b, { id: uuidv7(), name: 'Ada in B', email: 'ada@example.test', merge: true }), 201).body.id).not.toBe(existing.id);
    expect(expectStatus(await create(b, { ...fresh, email: 'other@example.test' }), 201).body).toMatchObject({ id: fresh.id, email: 'other@example.test' });
    const bad = await create(a, { id: 'not-a-uuid', name: 'X' });
    expect([bad.status, bad.body.errors.map((error: { field: string }) => error.field)]).toEqual([400, ['id']]);
    const customers = expectStatus(await http().get('/api/v1/customers?q=ada%40example.test').set(bearer(a.owner.accessToken)), 200).body.items;
    expect(customers.map((customer: { id: string }) => customer.id)).toEqual([existing.id]);
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
