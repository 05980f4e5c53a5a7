import Redis from 'ioredis';
import request from 'supertest';
import { uuidv7 } from '@kassa/contracts';
import { TEST_REDIS_URL } from '@kassa/testing';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { startRedisCluster, TestRedisCluster } from '../support/redis-cluster';
import { spyOnRequestTransactions } from '../support/request-transactions';
import { startTestApi, TestApi } from '../support/test-api';

/**
 * The tenant cache on a 6-node Redis Cluster started here on loopback ports (REDIS_CLUSTER_NODES); REDIS_URL stays on
 * the standalone Redis, which must hold none of the cache's keys.
 */
describe('tenant cache on a Redis Cluster', () => {
  let cluster: TestRedisCluster;
  let api: TestApi;
  let standalone: Redis;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  /** The keys of a tenant's cache on the primary serving its hash tag (KEYS answers for that node only). */
  const keysOnTenantSlot = async (shop: TenantFixture) => {
    const port = await cluster.primaryFor(`{${shop.id}}`);
    return (await cluster.cli(port, 'keys', `${api.redisPrefix}t:{${shop.id}}:*`))
      .split('\n')
      .filter(Boolean)
      .map((key) => key.slice(api.redisPrefix.length))
      .sort();
  };
  const generationOf = async (shop: TenantFixture, area: string) =>
    Number((await cluster.cli(await cluster.primaryFor(`{${shop.id}}`), 'get', `${api.redisPrefix}t:{${shop.id}}:${area}:gen`)) || 0);

  beforeAll(async () => {
    cluster = await startRedisCluster();
    api = await startTestApi({ env: { REDIS_CLUSTER_NODES: cluster.spec } });
    standalone = new Redis(TEST_REDIS_URL);
    ({ a, b } = await createTenantPair(api.app));
  }, 120_000);

  afterAll(async () => {
    standalone?.disconnect();
    await api?.close();
    await cluster?.stop();
  });

  it('answers a product list from the early path, invalidates it after an update, and keeps two tenants apart', async () => {
    const newProduct = async (shop: TenantFixture, name: string) =>
      expectStatus(
        await http()
          .post('/api/v1/products')
          .set(bearer(shop.owner.accessToken))
          .send({ sku: `CC-${uuidv7().slice(-10)}`, name, priceMinor: 300, trackStock: false }),
        201,
      ).body as { id: string };
    const ours = await newProduct(a, 'Cluster tea');
    const theirs = await newProduct(b, 'Cluster coffee');
    const transactions = spyOnRequestTransactions();
    const list = async (shop: TenantFixture) => {
      transactions.mockClear();
      const body = expectStatus(await http().get('/api/v1/products?limit=50').set(bearer(shop.owner.accessToken)), 200).body as {
        items: { id: string; name: string }[];
      };
      return { body, transactions: transactions.mock.calls.length };
    };
    try {
      const first = await list(a);
      const again = await list(a);
      // Generation and entry read by one script on the tenant's slot: no transaction, the same body.
      expect({ transactions: again.transactions, body: again.body }).toEqual({ transactions: 0, body: first.body });
      expect(first.body.items.map((item) => item.id)).toEqual([ours.id]);
      await list(b);
      expect((await list(b)).body.items.map((item) => item.id)).toEqual([theirs.id]);

      // The generation counter and the entry under it, both on the tenant's slot.
      const alphaGeneration = await generationOf(a, 'product-list');
      expect(alphaGeneration).toBeGreaterThan(0);
      const listKeys = (shop: TenantFixture, keys: string[]) => keys.filter((key) => key.startsWith(`t:{${shop.id}}:product-list:`));
      expect(listKeys(a, await keysOnTenantSlot(a))).toEqual([
        expect.stringMatching(new RegExp(`^t:\\{${a.id}\\}:product-list:${alphaGeneration}:[\\w-]{22}$`)),
        `t:{${a.id}}:product-list:gen`,
      ]);
      const bravoBefore = { keys: await keysOnTenantSlot(b), generation: await generationOf(b, 'product-list') };
      expect(listKeys(b, bravoBefore.keys)).toHaveLength(2);
      expect(await standalone.keys(`${api.redisPrefix}t:*`)).toEqual([]);

      expectStatus(await http().patch(`/api/v1/products/${ours.id}`).set(bearer(a.owner.accessToken)).send({ name: 'Cluster tea, green' }), 200);
      expect(await generationOf(a, 'product-list')).toBe(alphaGeneration + 1);
      const fresh = await list(a);
      expect(fresh.transactions).toBeGreaterThan(0);
      expect(fresh.body.items.find((item) => item.id === ours.id)?.name).toBe('Cluster tea, green');
      // The new entry is served early again.
      expect(await list(a)).toEqual({ transactions: 0, body: fresh.body });

      expect({ keys: await keysOnTenantSlot(b), generation: await generationOf(b, 'product-list') }).toEqual(bravoBefore);
      expect(await list(b)).toEqual({ transactions: 0, body: expect.objectContaining({ items: [expect.objectContaining({ name: 'Cluster coffee' })] }) });
    } finally {
      transactions.mockRestore();
    }
  });
});
