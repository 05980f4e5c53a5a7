import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { uuidv7 } from '@kassa/contracts';
import { TenantTransaction } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
import type { TillSession } from '@kassa/testing';
import { ErrorTracker } from '@kassa/api/monitoring';
import { bearer, expectStatus, PASSWORD, TenantFixture } from './identity';
import { tillSession } from './till';

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
  /** Values of the route's other path parameters (`:productId` → A's product). */
  params?: Record<string, string>;
}

export type IdRouteFixtures = Record<string, (a: TenantFixture, app: NestFastifyApplication) => IdRouteFixture | Promise<IdRouteFixture>>;

/** A real dead letter of the tenant: an event whose delivery failed for good. */
export async function seedDeadLetter(app: NestFastifyApplication, tenantId: string): Promise<string> {
  const id = uuidv7();
  await app.get(TenantTransaction).run(tenantId, async (manager) => {
    const eventId = await app.get(DomainEvents).record(
      { manager, tenantId },
      {
        type: 'stock.low',
        aggregateType: 'sweep',
        aggregateId: uuidv7(),
        aggregateVersion: 1,
        data: { storeId: uuidv7(), productId: uuidv7(), onHand: 0, reorderPoint: 1 },
      },
    );
    await manager.query(`INSERT INTO dead_letter (tenant_id, id, event_id, consumer, attempts, last_error) VALUES ($1, $2, $3, 'sweep', 5, 'seeded')`, [
      tenantId,
      id,
      eventId,
    ]);
  });
  return id;
}

/** A real error group of the tenant, recorded as the error tracker records one. */
export async function seedErrorGroup(app: NestFastifyApplication, tenantId: string): Promise<string> {
  const type = `SweepError${uuidv7().slice(-8)}`;
  await app.get(ErrorTracker).record(tenantId, { source: 'api', severity: 'error', type, message: 'seeded', context: {} });
  const [group] = await app.get(TenantTransaction).run(tenantId, (manager) => manager.query(`SELECT id FROM error_log WHERE type = $1`, [type]));
  return group.id;
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

/** Each tenant's till for the sweep's sales, signed in once, with the last receipt number it used. */
const tills = new Map<string, { session: Promise<TillSession>; lastReceipt: number }>();

/** An offline sale (accepted whatever the stock) from the tenant's till, so it also waits in the reconciliation list. */
async function newSale(
  app: NestFastifyApplication,
  a: TenantFixture,
): Promise<{ id: string; registerId: string; totalMinor: number; lines: { id: string }[] }> {
  const product = await newProduct(app, a);
  const till = tills.get(a.id) ?? { session: tillSession(app, a), lastReceipt: 0 };
  tills.set(a.id, till);
  const { registerId, accessToken } = await till.session;
  const sale = { storeId: a.stores[0].id, registerId, receiptNumber: ++till.lastReceipt, offline: true };
  return expectStatus(
    await request(app.getHttpServer())
      .post('/api/v1/sales')
      .set(bearer(accessToken))
      .send({ ...sale, lines: [{ productId: product.id, quantity: 1 }], tenders: [{ type: 'card', amountMinor: 100 }] }),
    201,
  ).body;
}

/** An offline refund of the whole of a new offline sale, from the tenant's till: it waits for review. */
async function newOfflineRefund(app: NestFastifyApplication, a: TenantFixture): Promise<{ id: string }> {
  const sale = await newSale(app, a);
  const { accessToken } = await (tills.get(a.id) as { session: Promise<TillSession> }).session;
  return expectStatus(
    await request(app.getHttpServer())
      .post(`/api/v1/sales/${sale.id}/refunds`)
      .set(bearer(accessToken))
      .send({
        lines: [{ saleLineId: sale.lines[0].id, quantity: 1, restock: true }],
        tenders: [{ type: 'card', amountMinor: sale.totalMinor }],
        reason: 'Sweep',
        offline: true,
        registerId: sale.registerId,
      }),
    201,
  ).body;
}

const newSupplier = (app: NestFastifyApplication, a: TenantFixture) => post(app, a, '/api/v1/suppliers', { name: `Sweep supplier ${uuidv7().slice(-8)}` });

/** A purchase order of the tenant brought through `actions` (submit, approve, …), with its one line. */
async function newPurchaseOrder(app: NestFastifyApplication, a: TenantFixture, actions: string[] = []): Promise<{ id: string; lines: { id: string }[] }> {
  const [supplier, product] = [await newSupplier(app, a), await newProduct(app, a)];
  const order = (await post(app, a, '/api/v1/purchase-orders', {
    supplierId: supplier.id,
    storeId: a.stores[0].id,
    lines: [{ productId: product.id, quantity: 5, unitCostMinor: 40 }],
  })) as { id: string; lines: { id: string }[] };
  for (const action of actions) {
    const body = action === 'reject' ? { reason: 'Sweep' } : {};
    expectStatus(await request(app.getHttpServer()).post(`/api/v1/purchase-orders/${order.id}/${action}`).set(bearer(a.owner.accessToken)).send(body), 200);
  }
  return order;
}

/** An open shift of the tenant, on a fresh POS register of its first store. */
async function newShift(app: NestFastifyApplication, a: TenantFixture): Promise<{ id: string }> {
  const register = await newPosRegister(app, a);
  return post(app, a, `/api/v1/registers/${register.id}/shifts`, { openingFloatMinor: 1000 });
}

export const ID_ROUTE_FIXTURES: IdRouteFixtures = {
  'POST /api/v1/registers/:id/shifts': async (a, app) => ({ id: (await newPosRegister(app, a)).id, body: { openingFloatMinor: 2500 }, status: 201 }),
  'GET /api/v1/registers/:id/shifts/current': async (a, app) => ({ id: (await newPosRegister(app, a)).id }),
  'GET /api/v1/shifts/:id': async (a, app) => ({ id: (await newShift(app, a)).id }),
  'GET /api/v1/shifts/:id/report': async (a, app) => ({ id: (await newShift(app, a)).id }),
  'POST /api/v1/shifts/:id/cash-movements': async (a, app) => ({
    id: (await newShift(app, a)).id,
    body: { type: 'pay_out', amountMinor: 300, reason: 'Sweep' },
    status: 201,
  }),
  'POST /api/v1/shifts/:id/close': async (a, app) => ({ id: (await newShift(app, a)).id, body: { countedCashMinor: 1000 } }),
  'GET /api/v1/sales/:id': async (a, app) => ({ id: (await newSale(app, a)).id }),
  'POST /api/v1/sales/:id/review': async (a, app) => ({ id: (await newSale(app, a)).id, body: { note: 'Seen by the sweep' } }),
  'GET /api/v1/sales/:id/receipt': async (a, app) => ({ id: (await newSale(app, a)).id }),
  'POST /api/v1/sales/:id/receipt/email': async (a, app) => ({ id: (await newSale(app, a)).id, body: { to: 'sweep@example.com' }, status: 202 }),
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
  'POST /api/v1/sales/refunds/:id/review': async (a, app) => ({ id: (await newOfflineRefund(app, a)).id, body: { note: 'Seen by the sweep' } }),
  'GET /api/v1/registers/:id/gaps': async (a, app) => ({ id: (await newSale(app, a)).registerId }),
  'GET /api/v1/stores/:id/registers': (a) => ({ id: a.stores[0].id }),
  'POST /api/v1/stores/:id/registers': (a) => ({ id: a.stores[0].id, body: { name: `Till ${uuidv7().slice(-6)}` }, status: 201 }),
  'PATCH /api/v1/registers/:id': async (a, app) => ({
    id: (await newPosRegister(app, a)).id,
    body: { name: `Swept till ${uuidv7().slice(-8)}`, retired: true },
  }),
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
  'POST /api/v1/products/:id/restore': async (a, app) => {
    const { id } = await newProduct(app, a);
    expectStatus(await request(app.getHttpServer()).delete(`/api/v1/products/${id}`).set(bearer(a.owner.accessToken)), 204);
    return { id, body: {} };
  },
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
  'GET /api/v1/registers/:id/favourites': async (a, app) => {
    const register = (await newPosRegister(app, a)).id;
    expectStatus(
      await request(app.getHttpServer())
        .put(`/api/v1/registers/${register}/favourites`)
        .set(bearer(a.owner.accessToken))
        .send({ productIds: [(await newProduct(app, a)).id] }),
      200,
    );
    return { id: register };
  },
  'PUT /api/v1/registers/:id/favourites': async (a, app) => ({ id: (await newPosRegister(app, a)).id, body: { productIds: [(await newProduct(app, a)).id] } }),
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
  'PATCH /api/v1/monitoring/errors/:id': async (a, app) => ({ id: await seedErrorGroup(app, a.id), body: { status: 'resolved' } }),
  'GET /api/v1/suppliers/:id': async (a, app) => ({ id: (await newSupplier(app, a)).id }),
  'PATCH /api/v1/suppliers/:id': async (a, app) => ({ id: (await newSupplier(app, a)).id, body: { leadTimeDays: 4 } }),
  'DELETE /api/v1/suppliers/:id': async (a, app) => ({ id: (await newSupplier(app, a)).id, status: 204 }),
  'PUT /api/v1/suppliers/:id/products/:productId': async (a, app) => ({
    id: (await newSupplier(app, a)).id,
    params: { productId: (await newProduct(app, a)).id },
    body: { unitCostMinor: 45, packSize: 6, preferred: true },
  }),
  'GET /api/v1/purchase-orders/:id': async (a, app) => ({ id: (await newPurchaseOrder(app, a)).id }),
  'PATCH /api/v1/purchase-orders/:id': async (a, app) => ({ id: (await newPurchaseOrder(app, a)).id, body: { note: 'Seen by the sweep' } }),
  'GET /api/v1/purchase-orders/:id/document': async (a, app) => ({ id: (await newPurchaseOrder(app, a)).id }),
  'POST /api/v1/purchase-orders/:id/submit': async (a, app) => ({ id: (await newPurchaseOrder(app, a)).id }),
  'POST /api/v1/purchase-orders/:id/approve': async (a, app) => ({ id: (await newPurchaseOrder(app, a, ['submit'])).id }),
  'POST /api/v1/purchase-orders/:id/reject': async (a, app) => ({ id: (await newPurchaseOrder(app, a, ['submit'])).id, body: { reason: 'Sweep' } }),
  'POST /api/v1/purchase-orders/:id/reopen': async (a, app) => ({ id: (await newPurchaseOrder(app, a, ['submit', 'reject'])).id }),
  'POST /api/v1/purchase-orders/:id/order': async (a, app) => ({ id: (await newPurchaseOrder(app, a, ['submit', 'approve'])).id }),
  'POST /api/v1/purchase-orders/:id/close': async (a, app) => ({ id: (await newPurchaseOrder(app, a, ['submit', 'approve', 'order'])).id }),
  'POST /api/v1/purchase-orders/:id/cancel': async (a, app) => ({ id: (await newPurchaseOrder(app, a)).id }),
  'POST /api/v1/purchase-orders/:id/receipts': async (a, app) => {
    const order = await newPurchaseOrder(app, a, ['submit', 'approve', 'order']);
    return { id: order.id, body: { lines: [{ lineId: order.lines[0].id, quantity: 2 }] }, status: 201 };
  },
  'GET /api/v1/purchase-orders/:id/receipts': async (a, app) => ({ id: (await newPurchaseOrder(app, a)).id }),
};
