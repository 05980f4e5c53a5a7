import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { tenantIsolationSql } from '../tenant-isolation.sql';

const TENANT_TABLES = ['store', 'app_user', 'user_store', 'refresh_token', 'password_token', 'api_key'];

export class CreateTenancyAndIdentity1764201600000 implements MigrationInterface {
  name = 'CreateTenancyAndIdentity1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tenant (
        id uuid PRIMARY KEY,
        slug text NOT NULL,
        name text NOT NULL,
        currency char(3) NOT NULL,
        time_zone text NOT NULL,
        prices_include_tax boolean NOT NULL,
        allow_negative_stock boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The tenant row is its own tenant's: visible only inside its transactions.
    await queryRunner.query(`ALTER TABLE tenant ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE tenant FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY tenant_isolation ON tenant USING (id = current_tenant_id()) WITH CHECK (id = current_tenant_id())`);

    // The one cross-tenant read (DESIGN.md §5): login turns a shop's public slug into its id.
    // It holds nothing private, so it has no row-level security; the app may read and add, never change.
    await queryRunner.query(`
      CREATE TABLE tenant_directory (
        slug text PRIMARY KEY,
        tenant_id uuid NOT NULL UNIQUE REFERENCES tenant (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`REVOKE UPDATE, DELETE ON tenant_directory FROM ${APP_ROLE}`);

    await queryRunner.query(`
      CREATE TABLE store (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL,
        name text NOT NULL,
        code text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT store_code_key UNIQUE (tenant_id, code)
      )`);

    await queryRunner.query(`
      CREATE TABLE app_user (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL,
        name text NOT NULL,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'manager', 'cashier')),
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT app_user_email_key UNIQUE (tenant_id, email)
      )`);

    await queryRunner.query(`
      CREATE TABLE user_store (
        tenant_id uuid NOT NULL,
        user_id uuid NOT NULL,
        store_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, user_id, store_id),
        CONSTRAINT user_store_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE,
        CONSTRAINT user_store_store_fk FOREIGN KEY (tenant_id, store_id) REFERENCES store (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX user_store_store_idx ON user_store (tenant_id, store_id)`);

    await queryRunner.query(`
      CREATE TABLE refresh_token (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        family_id uuid NOT NULL,
        user_id uuid NOT NULL,
        secret_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (tenant_id, family_id)`);
    await queryRunner.query(`CREATE INDEX refresh_token_user_idx ON refresh_token (tenant_id, user_id)`);

    await queryRunner.query(`
      CREATE TABLE password_token (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        user_id uuid NOT NULL,
        secret_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX password_token_user_idx ON password_token (tenant_id, user_id)`);

    await queryRunner.query(`
      CREATE TABLE api_key (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL,
        name text NOT NULL,
        secret_hash bytea NOT NULL,
        permissions text[] NOT NULL,
        created_by uuid NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, created_by) REFERENCES app_user (tenant_id, id)
      )`);

    for (const table of TENANT_TABLES) {
      for (const statement of tenantIsolationSql(table)) await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES].reverse()) await queryRunner.query(`DROP TABLE ${table}`);
    await queryRunner.query(`DROP TABLE tenant_directory`);
    await queryRunner.query(`DROP TABLE tenant`);
  }
}
