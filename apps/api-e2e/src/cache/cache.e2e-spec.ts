import Redis from 'ioredis';
import request from 'supertest';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { CacheStats, TenantCache } from '@kassa/api/cache';
import { uuidv7 } from '@kassa/contracts';
import { TEST_REDIS_URL } from '@kassa/testing';
import { addUser, bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

describe('tenant cache', () => {
  let api: TestApi;
  let replica: TestApi;
  let redis: Redis;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const as = (shop: TenantFixture) => bearer(shop.owner.accessToken);
  const newProduct = async (shop: TenantFixture, name: string) =>
    expectStatus(
      await http()
        .post('/api/v1/products')
        .set(as(shop))
        .send({ sku: `C-${uuidv7().slice(-10)}`, name, priceMinor: 500, trackStock: false }),
      201,
    ).body as { id: string; version: number };
  /** Every cache entry and counter of a tenant, with its value. */
  const tenantKeys = async (shop: TenantFixture) => {
    const keys = (await redis.keys(`${api.redisPrefix}t:${shop.id}:*`)).filter((key) => !key.endsWith(':lock')).sort();
    return Object.fromEntries(await Promise.all(keys.map(async (key) => [key.slice(api.redisPrefix.length), await redis.get(key)] as const)));
  };

  beforeAll(async () => {
    api = await startTestApi();
    replica = await startTestApi({ replicaOf: api });
    redis = new Redis(TEST_REDIS_URL);
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(async () => {
    const leftovers = await redis.keys(`${api.redisPrefix}*`);
    if (leftovers.length > 0) await redis.del(leftovers);
    redis.disconnect();
    await replica.close();
    await api.close();
  });

  it('answers a product read after an update with the new value at once, for that tenant only', async () => {
    const ours = await newProduct(a, 'Espresso beans');
    const theirs = await newProduct(b, 'Espresso beans');
    for (const [shop, product] of [
      [a, ours],
      [b, theirs],
    ] as const) {
      expectStatus(await http().get(`/api/v1/products/${product.id}`).set(as(shop)), 200);
      expectStatus(await http().get('/api/v1/products').set(as(shop)), 200);
    }
    const bravoBefore = await tenantKeys(b);
    const alphaBefore = await tenantKeys(a);
    expect(Object.keys(bravoBefore).some((key) => key.startsWith(`t:${b.id}:product:`))).toBe(true);

    expectStatus(await http().patch(`/api/v1/products/${ours.id}`).set(as(a)).send({ name: 'Espresso beans, dark' }), 200);
    // The other replica reads through the same Redis: it must not answer the old entry either.
    const read = expectStatus(await request(replica.app.getHttpServer()).get(`/api/v1/products/${ours.id}`).set(as(a)), 200);
    expect(read.body).toMatchObject({ name: 'Espresso beans, dark', version: 2 });
    const listed = expectStatus(await http().get('/api/v1/products').set(as(a)), 200).body.items as { id: string; name: string }[];
    expect(listed.find((item) => item.id === ours.id)?.name).toBe('Espresso beans, dark');

    expect(await tenantKeys(b)).toEqual(bravoBefore);
    const alphaAfter = await tenantKeys(a);
    expect(Number(alphaAfter[`t:${a.id}:product:gen`])).toBe(Number(alphaBefore[`t:${a.id}:product:gen`] ?? 0) + 1);
    expect(Number(alphaAfter[`t:${a.id}:product-list:gen`])).toBe(Number(alphaBefore[`t:${a.id}:product-list:gen`] ?? 0) + 1);
    expect(expectStatus(await http().get(`/api/v1/products/${theirs.id}`).set(as(b)), 200).body.name).toBe('Espresso beans');
  });

  it('answers a changed category tree and tenant settings at once', async () => {
    expectStatus(await http().get('/api/v1/categories').set(as(a)), 200);
    const created = expectStatus(await http().post('/api/v1/categories').set(as(a)).send({ name: 'Tea' }), 201).body;
    const tree = expectStatus(await http().get('/api/v1/categories').set(as(a)), 200).body.items as { id: string }[];
    expect(tree.map((category) => category.id)).toContain(created.id);
    expect(expectStatus(await http().get('/api/v1/categories').set(as(b)), 200).body.items).toEqual([]);

    expectStatus(await http().get('/api/v1/tenant').set(as(a)), 200);
    expectStatus(await http().patch('/api/v1/tenant').set(as(a)).send({ name: 'Alpha Renamed' }), 200);
    expect(expectStatus(await request(replica.app.getHttpServer()).get('/api/v1/tenant').set(as(a)), 200).body.name).toBe('Alpha Renamed');
    expect(expectStatus(await http().get('/api/v1/tenant').set(as(b)), 200).body.name).not.toBe('Alpha Renamed');
  });

  it('loads a cold key once for 100 concurrent reads spread over two replicas sharing Redis', async () => {
    let loads = 0;
    const load = async () => {
      loads += 1;
      await sleep(100);
      return { figure: 42 };
    };
    const stats = [api, replica].map((instance) => instance.app.get(CacheStats));
    const missesBefore = stats.map((stat) => stat.snapshot().get('analytics')?.misses ?? 0);
    const reads = Array.from({ length: 100 }, (_, index) => {
      const instance = index % 2 === 0 ? api : replica;
      const scope = { tenantId: a.id, manager: instance.app.get(DataSource).manager };
      return instance.app.get(TenantCache).read(scope, 'analytics', { report: 'cold-key-probe' }, load);
    });
    const answers = await Promise.all(reads);
    expect(loads).toBe(1);
    expect(answers.every((answer) => answer.figure === 42)).toBe(true);
    const missesAfter = stats.map((stat) => stat.snapshot().get('analytics')?.misses ?? 0);
    expect(missesAfter[0] - missesBefore[0] + (missesAfter[1] - missesBefore[1])).toBe(1);
  });

  it('keeps a store-limited manager and the owner apart on the same daily summary', async () => {
    const [main, dock] = a.stores;
    const limited = await addUser(api.app, a, a.owner.accessToken, {
      name: 'Mia Main-only',
      email: `main-manager-${uuidv7().slice(-8)}@alpha.test`,
      role: 'manager',
      storeIds: [main.id],
    });
    const product = await newProduct(a, 'Summary item');
    const sell = async (storeId: string, quantity: number) =>
      expectStatus(
        await http()
          .post('/api/v1/sales')
          .set(as(a))
          .send({ storeId, lines: [{ productId: product.id, quantity }], tenders: [{ type: 'card', amountMinor: 500 * quantity }] }),
        201,
      );
    await sell(main.id, 1);
    await sell(dock.id, 3);
    const summary = async (token: string) => expectStatus(await http().get('/api/v1/sales/summary').set(bearer(token)), 200).body;

    // Each asks twice: the second answer comes from the cache and must still be their own.
    for (let round = 0; round < 2; round += 1) {
      expect(await summary(a.owner.accessToken)).toMatchObject({ salesCount: 2, totalMinor: 2000 });
      expect(await summary(limited.accessToken)).toMatchObject({ salesCount: 1, totalMinor: 500 });
    }
    await sell(main.id, 2);
    expect(await summary(limited.accessToken)).toMatchObject({ salesCount: 2, totalMinor: 1500 });
    expect(await summary(a.owner.accessToken)).toMatchObject({ salesCount: 3, totalMinor: 3000 });
    expect(await summary(b.owner.accessToken)).toMatchObject({ salesCount: 0 });
  });
});
