import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateDevices1765756800000 implements MigrationInterface {
  name = 'CreateDevices1765756800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A till paired to a register: its token is stored as a SHA-256 like an API key's. One active
    // device per register; pairing another revokes the first (revoked rows stay for the list and audit).
    await queryRunner.query(`
      CREATE TABLE device (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        register_id uuid NOT NULL,
        -- The register's store, kept here so the device list needs no other domain's table.
        store_id uuid NOT NULL,
        name text NOT NULL,
        secret_hash bytea NOT NULL,
        paired_by uuid NOT NULL,
        paired_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz,
        app_version text,
        revoked_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, register_id) REFERENCES register (tenant_id, id),
        FOREIGN KEY (tenant_id, store_id) REFERENCES store (tenant_id, id),
        FOREIGN KEY (tenant_id, paired_by) REFERENCES app_user (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX device_active_register_key ON device (tenant_id, register_id) WHERE revoked_at IS NULL`);
    for (const statement of tenantIsolationSql('device')) await queryRunner.query(statement);
    await queryRunner.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_actor_type_check`);
    await queryRunner.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_actor_type_check CHECK (actor_type IN ('user', 'api_key', 'device', 'system'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_actor_type_check`);
    await queryRunner.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_actor_type_check CHECK (actor_type IN ('user', 'api_key', 'system'))`);
    await queryRunner.query(`DROP TABLE device`);
  }
}
