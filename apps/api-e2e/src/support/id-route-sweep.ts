import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
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

export const ID_ROUTE_FIXTURES: IdRouteFixtures = {
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
};
