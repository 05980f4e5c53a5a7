import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uuidv7 } from '@kassa/contracts';
import { APP_ROLE, TenantTransaction, tenantIsolationSql } from '@kassa/api/database';
import { expectStatus, signupBody } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

describe('the database role the API runs as', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let tenants: TenantTransaction;
  const shopA = uuidv7();
  const shopB = uuidv7();

  beforeAll(async () => {
    api = await startTestApi();
    dataSource = api.app.get(DataSource);
    tenants = api.app.get(TenantTransaction);

    // A tenant-owned table made the way migrations make them, by the owner.
    const owner = new Client({ connectionString: api.database.url });
    await owner.connect();
    await owner.query(`CREATE TABLE rls_probe (tenant_id uuid NOT NULL, id uuid NOT NULL, note text, PRIMARY KEY (tenant_id, id))`);
    for (const statement of tenantIsolationSql('rls_probe')) await owner.query(statement);
    await owner.end();
  });
  afterAll(() => api.close());

  it('is the non-owner app role, neither superuser nor able to bypass row-level security', async () => {
    const [role] = await dataSource.query(
      `SELECT current_user AS name, rolsuper AS superuser, rolbypassrls AS "bypassRls"
         FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ name: APP_ROLE, superuser: false, bypassRls: false });
  });

  it('compiles no query with JIT, whatever its estimated cost (decision 0044)', async () => {
    // Planned at a billion rows, far above jit_above_cost: the default server settings would compile it.
    const [{ 'QUERY PLAN': plan }] = await dataSource.query(
      `EXPLAIN (FORMAT JSON) SELECT count(*) FROM generate_series(1, 1000) a, generate_series(1, 1000) b, generate_series(1, 1000) c`,
    );
    expect(plan[0].Plan['Total Cost']).toBeGreaterThan(1_000_000);
    expect(plan[0].JIT).toBeUndefined();
  });

  it('ran the migrations as the owner before serving, and cannot read their bookkeeping', async () => {
    const owner = new Client({ connectionString: api.database.url });
    await owner.connect();
    const { rows } = await owner.query(`SELECT name FROM schema_migration`);
    const [{ tableowner }] = (await owner.query(`SELECT tableowner FROM pg_tables WHERE tablename = 'installation'`)).rows;
    await owner.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(tableowner).not.toBe(APP_ROLE);
    await expect(dataSource.query(`SELECT name FROM schema_migration`)).rejects.toThrow(/permission denied/);
  });

  it('sees only the rows of the tenant its transaction is scoped to', async () => {
    await tenants.run(shopA, (manager) =>
      manager.query(`INSERT INTO rls_probe (tenant_id, id, note) VALUES ($1, $2, 'A'), ($1, $3, 'A')`, [shopA, uuidv7(), uuidv7()]),
    );
    await tenants.run(shopB, (manager) => manager.query(`INSERT INTO rls_probe (tenant_id, id, note) VALUES ($1, $2, 'B')`, [shopB, uuidv7()]));
    const seenByA = await tenants.run(shopA, (manager) => manager.query(`SELECT note FROM rls_probe`));
    const seenByB = await tenants.run(shopB, (manager) => manager.query(`SELECT note FROM rls_probe`));
    expect(seenByA).toEqual([{ note: 'A' }, { note: 'A' }]);
    expect(seenByB).toEqual([{ note: 'B' }]);
  });

  it('sees nothing, without an error, when no tenant is set or it was reset to empty', async () => {
    expect(await dataSource.query(`SELECT * FROM rls_probe`)).toEqual([]);
    const afterReset = await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', '', true)`);
      return manager.query(`SELECT * FROM rls_probe`);
    });
    expect(afterReset).toEqual([]);
  });

  it('does not keep the tenant setting past the transaction on a pooled connection', async () => {
    await tenants.run(shopA, async () => undefined);
    const [{ tenant }] = await dataSource.query(`SELECT current_setting('app.tenant_id', true) AS tenant`);
    expect(tenant ?? '').toBe('');
  });

  it("refuses to write a row into another tenant's data", async () => {
    await expect(
      tenants.run(shopA, (manager) => manager.query(`INSERT INTO rls_probe (tenant_id, id, note) VALUES ($1, $2, 'forged')`, [shopB, uuidv7()])),
    ).rejects.toThrow(/row-level security/);
  });

  it('cannot switch row-level security off', async () => {
    await expect(dataSource.query(`ALTER TABLE rls_probe DISABLE ROW LEVEL SECURITY`)).rejects.toThrow(/owner/);
    await expect(
      tenants.run(shopA, async (manager) => {
        await manager.query(`SET LOCAL row_security = off`);
        return manager.query(`SELECT * FROM rls_probe`);
      }),
    ).rejects.toThrow(/row-level security/);
  });

  it('refuses a tenant id that is not a UUID before touching the database', async () => {
    await expect(tenants.run("' OR true --", async () => undefined)).rejects.toThrow(TypeError);
  });

  it('cannot rewrite the installation record', async () => {
    await expect(dataSource.query(`UPDATE installation SET created_at = now()`)).rejects.toThrow(/permission denied/);
    await expect(dataSource.query(`DELETE FROM installation`)).rejects.toThrow(/permission denied/);
  });

  it.each(['audit_log', 'stock_ledger'])('can only append to %s: rewriting, deleting or truncating it is refused', async (table) => {
    for (const statement of [`UPDATE ${table} SET created_at = now()`, `DELETE FROM ${table}`, `TRUNCATE ${table}`]) {
      await expect(tenants.run(shopA, (manager) => manager.query(statement))).rejects.toThrow(/permission denied/);
    }
  });

  describe("another tenant's outbox and webhook deliveries", () => {
    let shop: string;

    beforeAll(async () => {
      shop = expectStatus(await request(api.app.getHttpServer()).post('/api/v1/signup').send(signupBody()), 201).body.tenant.id;
      const [eventId, endpointId] = [uuidv7(), uuidv7()];
      await ownerQuery(
        api,
        `INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, aggregate_version, data)
         VALUES ($1, $2, 'product.updated', 'product', $3, 1, '{}')`,
        [shop, eventId, uuidv7()],
      );
      await ownerQuery(api, `INSERT INTO tenant_event_sequence (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING`, [shop]);
      await ownerQuery(api, `INSERT INTO processed_event (tenant_id, consumer, event_id) VALUES ($1, 'probe', $2)`, [shop, eventId]);
      await ownerQuery(
        api,
        `INSERT INTO webhook_endpoint (tenant_id, id, url, event_types, secret) VALUES ($1, $2, 'https://93.184.215.14/', '{*}', 'whsec_AAAA')`,
        [shop, endpointId],
      );
      await ownerQuery(
        api,
        `INSERT INTO webhook_delivery (tenant_id, id, endpoint_id, event_id, event_type, payload, status)
         VALUES ($1, $2, $3, $4, 'product.updated', '{}', 'succeeded')`,
        [shop, uuidv7(), endpointId, eventId],
      );
    });

    const visibleWith = (scope: string) =>
      dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.scope', $1, true)`, [scope]);
        return manager.query(
          `SELECT (SELECT count(*) FROM outbox_event)::int AS events, (SELECT count(*) FROM tenant_event_sequence)::int AS counters,
                  (SELECT count(*) FROM processed_event)::int AS markers, (SELECT count(*) FROM webhook_delivery)::int AS deliveries`,
        );
      });

    it.each(['outbox-relay', 'webhook-sweep'])('stays hidden when a session sets app.scope to %s', async (scope) => {
      expect(await visibleWith(scope)).toEqual([{ events: 0, counters: 0, markers: 0, deliveries: 0 }]);
    });

    // Every SECURITY DEFINER function: the relay's and the sweep's cross-tenant reads (decision 0009) and the
    // catalog deltas' look at when the oldest running transaction began (migration 1765756800003), which reveals no rows.
    it('are reached across tenants only through functions that run as the owner, with a pinned search path, callable by the app role alone', async () => {
      const functions = await ownerQuery<{ name: string; owner: string; definer: boolean; config: string[]; callers: string[] }>(
        api,
        `SELECT p.proname AS name, pg_get_userbyid(p.proowner) AS owner, p.prosecdef AS definer, p.proconfig AS config,
                array(SELECT DISTINCT coalesce(pg_get_userbyid(nullif(a.grantee, 0))::text, 'PUBLIC') FROM aclexplode(p.proacl) a
                       WHERE a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner ORDER BY 1) AS callers
           FROM pg_proc p WHERE p.prosecdef AND p.pronamespace = 'public'::regnamespace ORDER BY p.proname`,
      );
      const [{ tableOwner }] = await ownerQuery<{ tableOwner: string }>(
        api,
        `SELECT tableowner AS "tableOwner" FROM pg_tables WHERE tablename = 'outbox_event'`,
      );
      expect(functions.map((fn) => fn.name)).toEqual([
        'monitoring_delete_expired',
        'oldest_running_transaction_start',
        'outbox_delete_expired',
        'outbox_relay_lag_seconds',
        'outbox_tenants_with_work',
        'webhook_overdue_deliveries',
      ]);
      for (const fn of functions) {
        expect(fn).toMatchObject({ owner: tableOwner, definer: true, config: ['search_path=pg_catalog, pg_temp'], callers: [APP_ROLE] });
      }
    });

    it('cannot be written by a session that sets app.scope', async () => {
      await expect(
        dataSource.transaction(async (manager) => {
          await manager.query(`SELECT set_config('app.scope', 'outbox-relay', true)`);
          await manager.query(
            `INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, aggregate_version, data)
             VALUES ($1, $2, 'sale.created', 'sale', $3, 1, '{}')`,
            [shop, uuidv7(), uuidv7()],
          );
        }),
      ).rejects.toThrow(/row-level security/);
    });
  });
});
