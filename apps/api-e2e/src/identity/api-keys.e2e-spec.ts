import { Client } from 'pg';
import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

describe('partner API keys', () => {
  let api: TestApi;
  let shop: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const owner = () => bearer(shop.owner.accessToken);

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Delta');
  });
  afterAll(() => api.close());

  const createKey = async (permissions: string[]) =>
    expectStatus(await http().post('/api/v1/api-keys').set(owner()).send({ name: 'POS sync', permissions }), 201).body;

  it('shows the key once; lists never include it, and only a hash is stored', async () => {
    const created = await createKey(['stores:read']);
    expect(created.key).toMatch(/^kas_[A-Za-z0-9_-]{86}$/);
    const list = expectStatus(await http().get('/api/v1/api-keys').set(owner()), 200).body;
    const listed = list.items.find((key: { id: string }) => key.id === created.id);
    expect(listed).toEqual({ id: created.id, name: 'POS sync', permissions: ['stores:read'], createdAt: created.createdAt, lastUsedAt: null });
    expect(JSON.stringify(list)).not.toContain(created.key);

    const database = new Client({ connectionString: api.database.url });
    await database.connect();
    const { rows } = await database.query(`SELECT secret_hash FROM api_key WHERE id = $1`, [created.id]);
    await database.end();
    expect(rows[0].secret_hash).toHaveLength(32);
  });

  it('authenticates with the same guard, within its permissions only', async () => {
    const created = await createKey(['stores:read']);
    expectStatus(await http().get('/api/v1/stores').set(bearer(created.key)), 200);
    const beyond = await http().post('/api/v1/stores').set(bearer(created.key)).send({ name: 'Nope', code: 'NOPE' });
    expect(beyond.status).toBe(403);
    expect(beyond.body.code).toBe(ErrorCode.Forbidden);
  });

  it('records when a key was last used', async () => {
    const created = await createKey(['stores:read']);
    expectStatus(await http().get('/api/v1/stores').set(bearer(created.key)), 200);
    const list = expectStatus(await http().get('/api/v1/api-keys').set(owner()), 200).body;
    const used = list.items.find((key: { id: string }) => key.id === created.id);
    expect(Date.parse(used.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(created.createdAt));
  });

  it('stops working at once when revoked, and a second revoke is 404', async () => {
    const created = await createKey(['stores:read']);
    expectStatus(await http().delete(`/api/v1/api-keys/${created.id}`).set(owner()), 204);
    expect((await http().get('/api/v1/stores').set(bearer(created.key))).status).toBe(401);
    const again = await http().delete(`/api/v1/api-keys/${created.id}`).set(owner());
    expect(again.status).toBe(404);
    expect(again.body.code).toBe(ErrorCode.ApiKeyNotFound);
  });

  it('cannot be given permissions its creator lacks, or unknown ones', async () => {
    const unknown = await http()
      .post('/api/v1/api-keys')
      .set(owner())
      .send({ name: 'x', permissions: ['root:all'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('permissions');
    const manager = await http()
      .post('/api/v1/api-keys')
      .set(bearer(shop.manager.accessToken))
      .send({ name: 'x', permissions: ['stores:read'] });
    expect(manager.status).toBe(403);
  });

  it('rejects a tampered key', async () => {
    const created = await createKey(['stores:read']);
    const tampered = created.key.slice(0, -2) + (created.key.endsWith('AA') ? 'BB' : 'AA');
    expect((await http().get('/api/v1/stores').set(bearer(tampered))).status).toBe(401);
  });
});
