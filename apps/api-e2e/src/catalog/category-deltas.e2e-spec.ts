import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

describe("category deltas for the till's snapshot", () => {
  let api: TestApi;
  let shop: TenantFixture;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Deltas');
  });
  afterAll(() => api.close());

  const create = async (name: string) =>
    expectStatus(await http().post('/api/v1/categories').set(bearer(shop.owner.accessToken)).send({ name }), 201).body as { id: string };
  const changes = async (since: string, extra = '') =>
    expectStatus(
      await http()
        .get(`/api/v1/categories?updatedSince=${encodeURIComponent(since)}${extra}`)
        .set(bearer(shop.owner.accessToken)),
      200,
    ).body;

  it('returns exactly the categories renamed or deleted after a syncedTo', async () => {
    const [fruit, bakery, dairy] = [await create('Fruit'), await create('Bakery'), await create('Dairy')];
    await ownerQuery(api, `UPDATE category SET updated_at = now() - interval '1 minute' WHERE tenant_id = $1`, [shop.id]);
    const first = await changes('2000-01-01T00:00:00Z', '&includeDeleted=true');
    expect(first.items.map((item: { id: string }) => item.id)).toEqual([fruit.id, bakery.id, dairy.id]);
    expect(first.deleted).toEqual([]);

    expectStatus(await http().patch(`/api/v1/categories/${bakery.id}`).set(bearer(shop.owner.accessToken)).send({ name: 'Bread' }), 200);
    expectStatus(await http().delete(`/api/v1/categories/${dairy.id}`).set(bearer(shop.owner.accessToken)), 204);

    const next = await changes(first.syncedTo, '&includeDeleted=true');
    expect(next.items).toEqual([expect.objectContaining({ id: bakery.id, name: 'Bread' })]);
    expect(next.deleted).toEqual([{ id: dairy.id, deletedAt: expect.any(String) }]);
    expect((await changes(first.syncedTo)).deleted).toBeUndefined();
    const tree = expectStatus(await http().get('/api/v1/categories').set(bearer(shop.owner.accessToken)), 200).body;
    expect(tree.syncedTo).toBeUndefined();
  });

  it('refuses includeDeleted outside a delta, naming it', async () => {
    const response = await http().get('/api/v1/categories?includeDeleted=true').set(bearer(shop.owner.accessToken));
    expect([response.status, response.body.code, response.body.errors?.[0]?.field]).toEqual([400, ErrorCode.ValidationFailed, 'includeDeleted']);
  });
});
