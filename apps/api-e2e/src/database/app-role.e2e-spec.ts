import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { uuidv7 } from '@kassa/contracts';
import { APP_ROLE, TenantTransaction, tenantIsolationSql } from '@kassa/api/database';
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
    await tenants.run(shopB, (manager) =>
      manager.query(`INSERT INTO rls_probe (tenant_id, id, note) VALUES ($1, $2, 'B')`, [shopB, uuidv7()]),
    );
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
      tenants.run(shopA, (manager) =>
        manager.query(`INSERT INTO rls_probe (tenant_id, id, note) VALUES ($1, $2, 'forged')`, [shopB, uuidv7()]),
      ),
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
});
