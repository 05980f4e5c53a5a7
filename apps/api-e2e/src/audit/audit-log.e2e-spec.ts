import request from 'supertest';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@kassa/contracts';
import { APP_ROLE } from '@kassa/api/database';
import { bearer, createTenantPair, expectStatus, PASSWORD, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

interface AuditRow {
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, [unknown, unknown]>;
  metadata: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
}

describe('the audit log', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const auditLogs = async (query: string, token = a.owner.accessToken): Promise<AuditRow[]> =>
    expectStatus(await http().get(`/api/v1/audit-logs${query}`).set(bearer(token)), 200).body.items;

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  it('records sign-ins, with the request id, and failed ones too', async () => {
    const ok = await http()
      .post('/api/v1/auth/login')
      .set('x-request-id', 'audit-login-1')
      .send({ tenant: a.slug, email: a.cashier.email, password: PASSWORD });
    expectStatus(ok, 200);
    expect((await http().post('/api/v1/auth/login').send({ tenant: a.slug, email: a.cashier.email, password: 'not it at all' })).status).toBe(401);
    const logins = await auditLogs(`?action=login&actorId=${a.cashier.id}`);
    expect(logins[0]).toMatchObject({ actorType: 'user', entityId: a.cashier.id, metadata: { outcome: 'failure', email: a.cashier.email } });
    expect(logins.find((row) => row.requestId === 'audit-login-1')).toMatchObject({ metadata: { outcome: 'success' }, ip: expect.any(String) });
  });

  it('records sign-outs', async () => {
    const session = expectStatus(await http().post('/api/v1/auth/login').send({ tenant: a.slug, email: a.manager.email, password: PASSWORD }), 200).body;
    expectStatus(await http().post('/api/v1/auth/logout').send({ refreshToken: session.refreshToken }), 204);
    expect(await auditLogs(`?action=logout&entityId=${a.manager.id}`)).toHaveLength(1);
  });

  it('records field-level changes to users', async () => {
    expectStatus(await http().patch(`/api/v1/users/${a.cashier.id}`).set(bearer(a.owner.accessToken)).send({ name: 'Cas Renamed' }), 200);
    const [change] = await auditLogs(`?entityType=user&entityId=${a.cashier.id}&action=update`);
    expect(change).toMatchObject({ actorType: 'user', actorId: a.owner.id, changes: { name: ['Cas Cashier', 'Cas Renamed'] } });
    expect(Object.keys(change.changes)).toEqual(expect.arrayContaining(['name', 'version']));
  });

  it('records API key changes without their secrets', async () => {
    const created = expectStatus(
      await http()
        .post('/api/v1/api-keys')
        .set(bearer(a.owner.accessToken))
        .send({ name: 'Audited', permissions: ['stores:read'] }),
      201,
    ).body;
    expectStatus(await http().delete(`/api/v1/api-keys/${created.id}`).set(bearer(a.owner.accessToken)), 204);
    const rows = await auditLogs(`?entityType=api_key&entityId=${created.id}`);
    expect(rows.map((row) => row.action)).toEqual(['delete', 'create']);
    expect(JSON.stringify(rows)).not.toContain(created.key);
  });

  it('shows each tenant only its own rows', async () => {
    const rowsOfB = await auditLogs('?limit=200', b.owner.accessToken);
    expect(rowsOfB.length).toBeGreaterThan(0);
    const idsOfA = new Set([a.owner.id, a.manager.id, a.cashier.id]);
    expect(rowsOfB.filter((row) => (row.actorId && idsOfA.has(row.actorId)) || (row.entityId && idsOfA.has(row.entityId)))).toEqual([]);
  });

  it('pages newest first', async () => {
    const first = expectStatus(await http().get('/api/v1/audit-logs?limit=2').set(bearer(a.owner.accessToken)), 200).body;
    const second = expectStatus(await http().get(`/api/v1/audit-logs?limit=2&cursor=${first.nextCursor}`).set(bearer(a.owner.accessToken)), 200).body;
    const ids = [...first.items, ...second.items].map((row: { id: string }) => row.id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(new Set(ids).size).toBe(4);
  });

  it('exports the filtered rows as CSV and audits the export', async () => {
    const response = await http().get('/api/v1/audit-logs/export?format=csv&action=login').set(bearer(a.owner.accessToken));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,createdAt,actorType,actorId,action,entityType,entityId,changes,metadata,ip,userAgent,requestId');
    expect(lines.length).toBe(1 + (await auditLogs('?action=login&limit=200')).length);
    expect(lines.slice(1).every((line) => line.split(',')[4] === 'login')).toBe(true);
    const [exported] = await auditLogs('?action=export');
    expect(exported).toMatchObject({ entityType: 'audit_log', metadata: { filters: { action: 'login' } } });
  });

  it('answers problem+json, not a cut-off file, when the export cannot read its first page', async () => {
    await ownerQuery(api, `REVOKE SELECT ON audit_log FROM ${APP_ROLE}`);
    try {
      const response = await http().get('/api/v1/audit-logs/export?format=csv').set(bearer(a.owner.accessToken));
      expect(response.status).toBe(500);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ code: ErrorCode.InternalError });
    } finally {
      await ownerQuery(api, `GRANT SELECT ON audit_log TO ${APP_ROLE}`);
    }
  });

  it('keeps audit rows out of reach of cashiers', async () => {
    expect((await http().get('/api/v1/audit-logs').set(bearer(a.cashier.accessToken))).status).toBe(403);
  });

  it('cannot be changed or deleted by the app role', async () => {
    const dataSource = api.app.get(DataSource);
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.id]);
        await manager.query(`UPDATE audit_log SET action = 'view'`);
      }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.id]);
        await manager.query(`DELETE FROM audit_log`);
      }),
    ).rejects.toThrow(/permission denied/);
  });
});
