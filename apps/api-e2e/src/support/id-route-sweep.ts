import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { uuidv7 } from '@kassa/contracts';
import { TenantTransaction } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
import { bearer, expectStatus, TenantFixture } from './identity';

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

export type IdRouteFixtures = Record<
  string,
  (a: TenantFixture, app: NestFastifyApplication) => IdRouteFixture | Promise<IdRouteFixture>
>;

/** A real dead letter of the tenant: an event whose delivery failed for good. */
export async function seedDeadLetter(app: NestFastifyApplication, tenantId: string): Promise<string> {
  const id = uuidv7();
  await app.get(TenantTransaction).run(tenantId, async (manager) => {
    const eventId = await app.get(DomainEvents).record(
      { manager, tenantId },
      { type: 'stock.low', aggregateType: 'sweep', aggregateId: uuidv7(), aggregateVersion: 1, data: {} },
    );
    await manager.query(
      `INSERT INTO dead_letter (tenant_id, id, event_id, consumer, attempts, last_error) VALUES ($1, $2, $3, 'sweep', 5, 'seeded')`,
      [tenantId, id, eventId],
    );
  });
  return id;
}

async function post(app: NestFastifyApplication, a: TenantFixture, path: string, body: object): Promise<{ id: string }> {
  return expectStatus(await request(app.getHttpServer()).post(path).set(bearer(a.owner.accessToken)).send(body), 201).body;
}

const newCategory = (app: NestFastifyApplication, a: TenantFixture) => post(app, a, '/api/v1/categories', { name: `Sweep ${uuidv7()}` });
const newProduct = (app: NestFastifyApplication, a: TenantFixture) =>
  post(app, a, '/api/v1/products', { sku: `SWEEP-${uuidv7().slice(-12)}`, name: 'Sweep product', priceMinor: 100 });

export const ID_ROUTE_FIXTURES: IdRouteFixtures = {
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
  'POST /api/v1/admin/dead-letters/:id/retry': async (a, app) => ({ id: await seedDeadLetter(app, a.id), status: 202 }),
};
