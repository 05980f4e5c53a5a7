import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { ID_ROUTE_FIXTURES, IdRouteFixture, seedDeadLetter, seedErrorGroup, seedNotification, seedWebhookDelivery } from '../support/id-route-sweep';
import { RequestRollups } from '@kassa/api/monitoring';
import { eventually } from '@kassa/testing';
import { EventsProbeModule, installEventsProbeTables } from '../support/events-probe.module';
import { IdempotencyProbeModule, installIdempotencyProbeTables } from '../support/idempotency-probe.module';
import { ownerQuery } from '../support/owner-query';
import { routeInventory } from '../support/route-inventory';
import { startTestApi, TestApi } from '../support/test-api';

describe('tenant isolation', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi({ probeModules: [EventsProbeModule, IdempotencyProbeModule], env: { OUTBOX_POLL_MS: '200' } });
    await installEventsProbeTables(api.database.url);
    await installIdempotencyProbeTables(api.database.url);
    ({ a, b } = await createTenantPair(api.app));
    // Every kind of tenant row exists for both shops: events, their deliveries, dead letters, webhook logs.
    for (const shop of [a, b]) {
      expectStatus(await http().post('/api/v1/e2e-probe/events/bump').set(bearer(shop.owner.accessToken)).send({ aggregateId: uuidv7() }), 201);
      await seedDeadLetter(api.app, shop.id);
      await seedWebhookDelivery(api.app, shop.id);
      await seedErrorGroup(api.app, shop.id);
      await seedNotification(api.app, shop.id, shop.manager.id);
      const category = expectStatus(await http().post('/api/v1/categories').set(bearer(shop.owner.accessToken)).send({ name: 'Fruit' }), 201).body;
      const product = expectStatus(
        await http()
          .post('/api/v1/products')
          .set(bearer(shop.owner.accessToken))
          .send({ sku: 'BAN-1', name: 'Bananas', priceMinor: 199, categoryId: category.id, barcodes: ['4011'] }),
        201,
      ).body;
      expectStatus(
        await http()
          .post('/api/v1/inventory/adjustments')
          .set(bearer(shop.owner.accessToken))
          .send({ storeId: shop.stores[0].id, productId: product.id, delta: 12, reason: 'receipt' }),
        201,
      );
      const companion = expectStatus(
        await http().post('/api/v1/products').set(bearer(shop.owner.accessToken)).send({ sku: 'PEEL-1', name: 'Peeler', priceMinor: 50, trackStock: false }),
        201,
      ).body;
      const customer = expectStatus(
        await http().post('/api/v1/customers').set(bearer(shop.owner.accessToken)).send({ name: 'Regular', email: 'regular@example.test' }),
        201,
      ).body;
      const sale = expectStatus(
        await http()
          .post('/api/v1/sales')
          .set(bearer(shop.owner.accessToken))
          .send({
            storeId: shop.stores[0].id,
            customerId: customer.id,
            // Two products, so the basket rollup holds a pair of each shop too.
            lines: [
              { productId: product.id, quantity: 2 },
              { productId: companion.id, quantity: 1 },
            ],
            tenders: [{ type: 'cash', amountMinor: 500 }],
          }),
        201,
      ).body;
      expectStatus(
        await http()
          .post(`/api/v1/sales/${sale.id}/refunds`)
          .set(bearer(shop.owner.accessToken))
          .send({
            lines: [{ saleLineId: sale.lines[0].id, quantity: 1, restock: true }],
            tenders: [{ type: 'cash', amountMinor: 199 }],
            reason: 'Changed mind',
          }),
        201,
      );
      // A closed shift with a cash movement and the shop's cash rules: every shift table holds rows of both shops.
      expectStatus(await http().patch('/api/v1/shift-settings').set(bearer(shop.owner.accessToken)).send({ discrepancyThresholdMinor: 100 }), 200);
      const till = expectStatus(
        await http().post(`/api/v1/stores/${shop.stores[0].id}/registers`).set(bearer(shop.owner.accessToken)).send({ name: 'Shift till' }),
        201,
      ).body;
      const shift = expectStatus(
        await http().post(`/api/v1/registers/${till.id}/shifts`).set(bearer(shop.owner.accessToken)).send({ openingFloatMinor: 5000 }),
        201,
      ).body;
      expectStatus(
        await http()
          .post(`/api/v1/shifts/${shift.id}/cash-movements`)
          .set(bearer(shop.owner.accessToken))
          .send({ type: 'drop', amountMinor: 1000, reason: 'Safe' }),
        201,
      );
      expectStatus(await http().post(`/api/v1/shifts/${shift.id}/close`).set(bearer(shop.owner.accessToken)).send({ countedCashMinor: 4000 }), 200);
      expectStatus(
        await http()
          .put('/api/v1/import-mappings/products')
          .set(bearer(shop.owner.accessToken))
          .send({ mapping: { Nummer: 'sku' } }),
        200,
      );
      expectStatus(
        await http().post('/api/v1/e2e-probe/orders').set(bearer(shop.owner.accessToken)).set('idempotency-key', 'sweep').send({ label: 'keyed' }),
        201,
      );
      expectStatus(
        await http()
          .post('/api/v1/monitoring/client-events')
          .set(bearer(shop.owner.accessToken))
          .send({ vitals: [{ source: 'web', metric: 'LCP', value: 1200, route: '/dashboard' }] }),
        202,
      );
    }
    await eventually(
      () => ownerQuery(api, `SELECT DISTINCT tenant_id FROM probe_effect`),
      (rows) => rows.length === 2,
    );
    await eventually(
      () => ownerQuery(api, `SELECT DISTINCT tenant_id FROM analytics_basket_pair`),
      (rows) => rows.length === 2,
    );
    // Both shops' requests so far, into request_rollup.
    await api.app.get(RequestRollups).flush();
  });
  afterAll(() => api.close());

  function call(method: string, path: string, token: string, body?: object) {
    const verb = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    const pending = http()[verb](path).set(bearer(token));
    return body ? pending.send(body) : pending;
  }

  describe('the id-route sweep', () => {
    const idRoutes = () => routeInventory(api.app).filter((route) => route.path.includes(':id'));

    it('has a fixture for every id route', () => {
      expect(idRoutes().length).toBeGreaterThan(0);
      expect(
        idRoutes()
          .filter((route) => !(route.key in ID_ROUTE_FIXTURES))
          .map((route) => route.key),
      ).toEqual([]);
    });

    it("answers tenant B's token and API key with 404 on A's rows, and A with success", async () => {
      const outcomes: string[] = [];
      for (const route of idRoutes()) {
        const fixture: IdRouteFixture = await ID_ROUTE_FIXTURES[route.key](a, api.app);
        const path = Object.entries(fixture.params ?? {}).reduce(
          (filled, [name, value]) => filled.replace(`:${name}`, value),
          route.path.replace(':id', fixture.id),
        );
        for (const [who, token] of [
          ['B owner', b.owner.accessToken],
          ['B API key', b.apiKey],
        ]) {
          const response = await call(route.method, path, token, fixture.body);
          outcomes.push(`${route.key} as ${who}: ${response.status}`);
          expect(`${route.key} as ${who}: ${response.status}`).toBe(`${route.key} as ${who}: 404`);
        }
        const own = await call(route.method, path, a.owner.accessToken, fixture.body);
        expect(`${route.key} as A owner: ${own.status}`).toBe(`${route.key} as A owner: ${fixture.status ?? 200}`);
      }
      expect(outcomes.length).toBe(idRoutes().length * 2);
    });
  });

  it('shows each tenant only its own events and dead letters', async () => {
    for (const [mine, theirs] of [
      [a, b],
      [b, a],
    ]) {
      const events = expectStatus(await http().get('/api/v1/events').set(bearer(mine.apiKey)), 200).body.items;
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((event: { tenantId: string }) => event.tenantId === mine.id)).toBe(true);
      expect(events.some((event: { tenantId: string }) => event.tenantId === theirs.id)).toBe(false);
      const deadLetters = expectStatus(await http().get('/api/v1/admin/dead-letters').set(bearer(mine.owner.accessToken)), 200).body.items;
      const theirEvents = await ownerQuery<{ id: string }>(api, `SELECT id FROM outbox_event WHERE tenant_id = $1`, [theirs.id]);
      const theirIds = new Set(theirEvents.map((event) => event.id));
      expect(deadLetters.filter((letter: { eventId: string }) => theirIds.has(letter.eventId))).toEqual([]);
    }
  });

  it("never shows another shop's products, even with the same SKU and barcode", async () => {
    for (const shop of [a, b]) {
      const found = expectStatus(await http().get('/api/v1/products?q=banana').set(bearer(shop.apiKey)), 200).body.items;
      const byCode = expectStatus(await http().get('/api/v1/products/by-barcode/4011').set(bearer(shop.apiKey)), 200).body;
      const owned = await ownerQuery<{ id: string }>(api, `SELECT id FROM product WHERE tenant_id = $1`, [shop.id]);
      const ownIds = owned.map((row) => row.id);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((product: { id: string }) => ownIds.includes(product.id))).toBe(true);
      expect(ownIds).toContain(byCode.id);
    }
  });

  it("lists only the caller's own users and stores", async () => {
    const users = expectStatus(await http().get('/api/v1/users').set(bearer(b.owner.accessToken)), 200).body;
    const emails: string[] = users.items.map((user: { email: string }) => user.email);
    expect(emails.length).toBe(3);
    expect(emails.every((email) => email.endsWith(`@${b.slug}.test`))).toBe(true);
    const stores = expectStatus(await http().get('/api/v1/stores').set(bearer(b.apiKey)), 200).body;
    expect(stores.items.map((store: { id: string }) => store.id).sort()).toEqual(b.stores.map((store) => store.id).sort());
  });

  it("refuses a body naming another tenant's store with a 4xx naming the field", async () => {
    const asUpdate = await http()
      .patch(`/api/v1/users/${b.cashier.id}`)
      .set(bearer(b.owner.accessToken))
      .send({ storeIds: [a.stores[0].id] });
    expect(asUpdate.status).toBe(422);
    expect(asUpdate.body).toMatchObject({ code: ErrorCode.ReferenceNotFound, errors: [{ field: 'storeIds' }] });
    const asInvite = await http()
      .post('/api/v1/users')
      .set(bearer(b.owner.accessToken))
      .send({ name: 'Spy', email: `spy@${b.slug}.test`, role: 'cashier', storeIds: [a.stores[1].id] });
    expect(asInvite.status).toBe(422);
    expect(asInvite.body.errors[0].field).toBe('storeIds');
  });

  describe('row-level security, as the app role', () => {
    // Slug → tenant id for login (DESIGN.md §5): public by design, readable across tenants.
    const DIRECTORY_TABLES = ['tenant_directory'];
    let dataSource: DataSource;
    let tenantTables: string[];
    let rowCounts: Record<string, number>;

    beforeAll(async () => {
      dataSource = api.app.get(DataSource);
      const owner = new Client({ connectionString: api.database.url });
      await owner.connect();
      const { rows } = await owner.query(
        `SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
           FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'`,
      );
      tenantTables = rows.filter((row) => !DIRECTORY_TABLES.includes(row.name)).map((row) => row.name);
      expect(rows.filter((row) => tenantTables.includes(row.name) && (!row.enabled || !row.forced))).toEqual([]);
      rowCounts = {};
      for (const table of tenantTables) {
        rowCounts[table] = Number((await owner.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
      }
      await owner.end();
    });

    it('is enabled and forced on every table with a tenant_id, and those tables hold rows', () => {
      expect(tenantTables).toEqual(expect.arrayContaining(['store', 'app_user', 'user_store', 'refresh_token', 'password_token', 'api_key']));
      expect(Object.entries(rowCounts).filter(([, count]) => count === 0)).toEqual([]);
    });

    it('returns zero rows without error from every tenant table when app.tenant_id is unset or reset', async () => {
      for (const table of [...tenantTables, 'tenant']) {
        expect([table, await dataSource.query(`SELECT * FROM ${table}`)]).toEqual([table, []]);
        const afterReset = await dataSource.transaction(async (manager) => {
          await manager.query(`SELECT set_config('app.tenant_id', '', true)`);
          return manager.query(`SELECT * FROM ${table}`);
        });
        expect([table, afterReset]).toEqual([table, []]);
      }
    });

    it('refuses to insert a row for another tenant', async () => {
      await expect(
        dataSource.transaction(async (manager) => {
          await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.id]);
          await manager.query(`INSERT INTO store (tenant_id, id, name, code) VALUES ($1, $2, 'Forged', 'FORGED')`, [b.id, uuidv7()]);
        }),
      ).rejects.toThrow(/row-level security/);
    });
  });
});
