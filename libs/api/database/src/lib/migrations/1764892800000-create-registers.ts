import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateRegisters1764892800000 implements MigrationInterface {
  name = 'CreateRegisters1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A POS register numbers its own receipts (online and offline); the `api` register of each store
    // is numbered by the server for back-office and partner sales.
    await queryRunner.query(`
      CREATE TABLE register (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('pos', 'api')),
        last_receipt_number integer NOT NULL DEFAULT 0 CHECK (last_receipt_number >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT register_name_key UNIQUE (tenant_id, store_id, name),
        FOREIGN KEY (tenant_id, store_id) REFERENCES store (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX register_api_key ON register (tenant_id, store_id) WHERE kind = 'api'`);
    for (const statement of tenantIsolationSql('register')) await queryRunner.query(statement);
    // Stores that exist already get their api register, tenant by tenant (the owner may be subject to
    // row-level security too); ids from gen_random_uuid, as the app is not running here.
    const tenants: { tenantId: string }[] = await queryRunner.query(`SELECT tenant_id AS "tenantId" FROM tenant_directory`);
    for (const { tenantId } of tenants) {
      await queryRunner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      await queryRunner.query(`INSERT INTO register (tenant_id, id, store_id, name, kind) SELECT tenant_id, gen_random_uuid(), id, 'API', 'api' FROM store`);
    }
    await queryRunner.query(`SELECT set_config('app.tenant_id', '', true)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE register`);
  }
}
