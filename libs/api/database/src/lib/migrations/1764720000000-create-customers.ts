import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateCustomers1764720000000 implements MigrationInterface {
  name = 'CreateCustomers1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL,
        name text NOT NULL,
        email text,
        phone text,
        notes text,
        tags text[] NOT NULL DEFAULT '{}',
        marketing_consent boolean NOT NULL DEFAULT false,
        erased_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    // Emails are unique per shop when present; erased customers have none.
    await queryRunner.query(`CREATE UNIQUE INDEX customer_email_key ON customer (tenant_id, email) WHERE email IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX customer_name_idx ON customer (tenant_id, name, id)`);
    for (const statement of tenantIsolationSql('customer')) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customer`);
  }
}
