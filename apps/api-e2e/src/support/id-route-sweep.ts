import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { uuidv7 } from '@kassa/contracts';
import { TenantTransaction } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
import { bearer, expectStatus, PASSWORD, TenantFixture } from './identity';

/**
 * For every route with an `:id`, a real row of tenant A and a valid body. The isolation sweep
 * calls each with A's and B's credentials; a module adds its routes here when it adds them, and
 * the sweep fails for any id route without a fixture.
 */
export interface IdRouteFixture {
  id: string;
  body?: Record<string, unknown>;
  /** What A gets back (200 unless the route answers otherwise). */
  status?: number;
}

export type IdRouteFixtures = Record<string, (a: TenantFixture, app: NestFastifyApplication) => IdRouteFixture | Promise<IdRouteFixture>>;

/** A real dead letter of the tenant: an event whose delivery failed for good. */
export async function seedDeadLetter(app: NestFastifyApplication, tenantId: string): Promise<string> {
  const id = uuidv7();
  await app.get(TenantTransaction).run(tenantId, async (manager) => {
    const eventId = await app
      .get(DomainEvents)
      .record({ manager, tenantId }, { type: 'stock.low', aggregateType: 'sweep', aggregateId: uuidv7(), aggregateVersion: 1, data: {} });
    await manager.query(`INSERT INTO dead_letter (tenant_id, id, event_id, consumer, attempts, last_error) VALUES ($1, $2, $3, 'sweep', 5, 'seeded')`, [
      tenantId,
      id,
      eventId,
    ]);
  });
  return id;
}

/**
 * A real webhook of the tenant, disabled so nothing is ever sent, with one delivery and its attempt
 * logged: every webhook table then holds a row of the tenant.
 */
export async function seedWebhookDelivery(app: NestFastifyApplication, tenantId: string): Promise<{ webhookId: string; deliveryId: string }> {
  const [webhookId, deliveryId, eventId] = [uuidv7(), uuidv7(), uuidv7()];
  await app.get(TenantTransaction).run(tenantId, async (manager) => {
    await manager.query(
      `INSERT INTO webhook_endpoint (tenant_id, id, url, event_types, enabled, secret) VALUES ($1, $2, 'https://93.184.215.14/sweep', '{*}', false, 'whsec_AAAA')`,
      [tenantId, webhookId],
    );
    await manager.query(
      `INSERT INTO webhook_delivery (tenant_id, id, endpoint_id, event_id, event_type, payload, status, attempts, completed_at)
       VALUES ($1, $2, $3, $4, 'stock.low', '{}', 'failed', 1, now())`,
      [tenantId, deliveryId, webhookId, eventId],
    );
    await manager.query(`INSERT INTO webhook_attempt (tenant_id, id, delivery_id, attempt, status_code, latency_ms) VALUES ($1, $2, $3, 1, 500, 12)`, [
      tenantId,
      uuidv7(),
      deliveryId,
    ]);
  });
  return { webhookId, deliveryId };
}

/** A real, unread notification of the user. */
export async function seedNotification(app: NestFastifyApplication, tenantId: string, userId: string): Promise<string> {
  const id = uuidv7();
  await app
    .get(TenantTransaction)
    .run(tenantId, (manager) =>
      manager.query(`INSERT INTO notification (tenant_id, id, user_id, kind, title, body, severity) VALUES ($1, $2, $3, 'sweep', 'Sweep', 'Seeded', 'info')`, [
        tenantId,
        id,
        userId,
      ]),
    );
  return id;
}

async function post(app: NestFastifyApplication, a: TenantFixture, path: string, body: object): Promise<{ id: string }> {
  return expectStatus(await request(app.getHttpServer()).post(path).set(bearer(a.owner.accessToken)).send(body), 201).body;
}

const newCategory = (app: NestFastifyApplication, a: TenantFixture) => post(app, a, '/api/v1/categories', { name: `Sweep ${uuidv7()}` });
// Disabled, so the sweep's test pings and redeliveries never leave the process.
const newWebhook = (app: NestFastifyApplication, a: TenantFixture) =>
  post(app, a, '/api/v1/webhooks', { url: 'https://93.184.215.14/sweep', events: ['*'], enabled: false });
const newProduct = (app: NestFastifyApplication, a: TenantFixture) =>
  post(app, a, '/api/v1/products', { sku: `SWEEP-${uuidv7().slice(-12)}`, name: 'Sweep product', priceMinor: 100 });

const newPosRegister = (app: NestFastifyApplication, a: TenantFixture) =>
  post(app, a, `/api/v1/stores/${a.stores[0].id}/registers`, { name: `Sweep till ${uuidv7().slice(-8)}` });

/** A device paired to a fresh POS register of the tenant's first store. */
export async function pairDevice(app: NestFastifyApplication, a: TenantFixture, registerId?: string): Promise<{ deviceId: string; deviceToken: string }> {
  const register = registerId ?? (await newPosRegister(app, a)).id;
  return expectStatus(
    await request(app.getHttpServer()).post(`/api/v1/registers/${register}/devices`).set(bearer(a.owner.accessToken)).send({ name: 'Counter tablet' }),
    201,
  ).body;
}

const newCustomer = (app: NestFastifyApplication, a: TenantFixture) => post(app, a, '/api/v1/customers', { name: `Sweep ${uuidv7()}` });

/** An offline sale (accepted whatever the stock), so it also waits in the reconciliation list. */
async function newSale(
  app: NestFastifyApplication,
  a: TenantFixture,
): Promise<{ id: string; registerId: string; totalMinor: number; lines: { id: string }[] }> {
  const product = await newProduct(app, a);
  return post(app, a, '/api/v1/sales', {
    storeId: a.stores[0].id,
    lines: [{ productId: product.id, quantity: 1 }],
    tenders: [{ type: 'card', amountMinor: 100 }],
    offline: true,
  }) as Promise<{ id: string; registerId: string; totalMinor: number; lines: { id: string }[] }>;
}

export const ID_ROUTE_FIXTURES: IdRouteFixtures = {
  'GET /api/v1/sales/:id': async (a, app) => ({ id: (await newSale(app, a)).id }),
  'POST /api/v1/sales/:id/review': async (a, app) => ({ id: (await newSale(app, a)).id, body: { note: 'Seen by the sweep' } }),
  'GET /api/v1/sales/:id/receipt': async (a, app) => ({ id: (await newSale(app, a)).id }),
  'GET /api/v1/sales/:id/refunds': async (a, app) => ({ id: (await newSale(app, a)).id }),
  'POST /api/v1/sales/:id/void': async (a, app) => ({ id: (await newSale(app, a)).id, body: { reason: 'Rung up twice' } }),
  'POST /api/v1/sales/:id/refunds': async (a, app) => {
    const sale = await newSale(app, a);
    return {
      id: sale.id,
      body: {
        lines: [{ saleLineId: sale.lines[0].id, quantity: 1, restock: true }],
        tenders: [{ type: 'card', amountMinor: sale.totalMinor }],
        reason: 'Sweep',
      },
      status: 201,
    };
  },
  'GET /api/v1/registers/:id/gaps': async (a, app) => ({ id: (await newSale(app, a)).registerId }),
  'GET /api/v1/stores/:id/registers': (a) => ({ id: a.stores[0].id }),
  'POST /api/v1/stores/:id/registers': (a) => ({ id: a.stores[0].id, body: { name: `Till ${uuidv7().slice(-6)}` }, status: 201 }),
  'GET /api/v1/registers/:id': async (a, app) => {
    const registers = expectStatus(await request(app.getHttpServer()).get(`/api/v1/stores/${a.stores[0].id}/registers`).set(bearer(a.owner.accessToken)), 200)
      .body.items;
    return { id: registers[0].id };
  },
  'GET /api/v1/customers/:id': async (a, app) => ({ id: (await newCustomer(app, a)).id }),
  'PATCH /api/v1/customers/:id': async (a, app) => ({ id: (await newCustomer(app, a)).id, body: { notes: 'Seen by the sweep' } }),
  'POST /api/v1/customers/:id/erase': async (a, app) => ({ id: (await newCustomer(app, a)).id }),
  'GET /api/v1/categories/:id': async (a, app) => ({ id: (await newCategory(app, a)).id }),
  'PATCH /api/v1/categories/:id': async (a, app) => ({ id: (await newCategory(app, a)).id, body: { name: 'Renamed by the sweep' } }),
  'DELETE /api/v1/categories/:id': async (a, app) => ({ id: (await newCategory(app, a)).id, status: 204 }),
  'GET /api/v1/products/:id': async (a, app) => ({ id: (await newProduct(app, a)).id }),
  'PATCH /api/v1/products/:id': async (a, app) => ({ id: (await newProduct(app, a)).id, body: { priceMinor: 250 } }),
  'DELETE /api/v1/products/:id': async (a, app) => ({ id: (await newProduct(app, a)).id, status: 204 }),
  'GET /api/v1/stores/:id': (a) => ({ id: a.stores[1].id }),
  'PATCH /api/v1/stores/:id': (a) => ({ id: a.stores[1].id, body: { name: 'Renamed by the sweep' } }),
  'GET /api/v1/users/:id': (a) => ({ id: a.cashier.id }),
  'PATCH /api/v1/users/:id': (a) => ({ id: a.cashier.id, body: { name: 'Renamed by the sweep' } }),
  'DELETE /api/v1/api-keys/:id': async (a, app) => {
    const key = expectStatus(
      await request(app.getHttpServer())
        .post('/api/v1/api-keys')
        .set(bearer(a.owner.accessToken))
        .send({ name: 'Revoked by the sweep', permissions: ['stores:read'] }),
      201,
    ).body;
    return { id: key.id, status: 204 };
  },
  'GET /api/v1/webhooks/:id': async (a, app) => ({ id: (await newWebhook(app, a)).id }),
  'PATCH /api/v1/webhooks/:id': async (a, app) => ({ id: (await newWebhook(app, a)).id, body: { description: 'Renamed by the sweep' } }),
  'DELETE /api/v1/webhooks/:id': async (a, app) => ({ id: (await newWebhook(app, a)).id, status: 204 }),
  'POST /api/v1/webhooks/:id/test': async (a, app) => ({ id: (await newWebhook(app, a)).id, status: 202 }),
  'POST /api/v1/webhooks/:id/rotate-secret': async (a, app) => ({ id: (await newWebhook(app, a)).id }),
  'GET /api/v1/webhooks/:id/deliveries': async (a, app) => ({ id: (await newWebhook(app, a)).id }),
  'GET /api/v1/webhooks/deliveries/:id': async (a, app) => ({ id: (await seedWebhookDelivery(app, a.id)).deliveryId }),
  'POST /api/v1/webhooks/deliveries/:id/redeliver': async (a, app) => ({ id: (await seedWebhookDelivery(app, a.id)).deliveryId, status: 202 }),
  'POST /api/v1/registers/:id/devices': async (a, app) => ({ id: (await newPosRegister(app, a)).id, body: { name: 'Sweep tablet' }, status: 201 }),
  'DELETE /api/v1/users/:id/pin': async (a, app) => {
    expectStatus(
      await request(app.getHttpServer()).put('/api/v1/me/pin').set(bearer(a.cashier.accessToken)).send({ pin: '2580', currentPassword: PASSWORD }),
      204,
    );
    return { id: a.cashier.id, status: 204 };
  },
  'DELETE /api/v1/devices/:id': async (a, app) => ({ id: (await pairDevice(app, a)).deviceId, status: 204 }),
  'POST /api/v1/notifications/:id/read': async (a, app) => ({ id: await seedNotification(app, a.id, a.owner.id) }),
  'POST /api/v1/admin/dead-letters/:id/retry': async (a, app) => ({ id: await seedDeadLetter(app, a.id), status: 202 }),
};
