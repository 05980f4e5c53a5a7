import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateImportMappings1765843200000 implements MigrationInterface {
  name = 'CreateImportMappings1765843200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The column mapping a shop confirmed for an import kind (file header → field, or null to ignore
    // the column); one per kind, so the kind is the row's key. Who changed it is in the audit log.
    await queryRunner.query(`
      CREATE TABLE import_mapping (
        tenant_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('products', 'counts')),
        mapping jsonb NOT NULL CHECK (jsonb_typeof(mapping) = 'object'),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, kind),
        FOREIGN KEY (tenant_id) REFERENCES tenant (id)
      )`);
    for (const statement of tenantIsolationSql('import_mapping')) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE import_mapping`);
  }
}
