import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateIdempotencyKeys1764806400000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A key's row is written in the same transaction as the change it guards, with the response:
    // a duplicate waits on the row lock until that transaction ends, then replays or runs itself.
    await queryRunner.query(`
      CREATE TABLE idempotency_key (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        key text NOT NULL,
        request_hash bytea NOT NULL,
        response_status integer NOT NULL,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, key)
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_key_created_idx ON idempotency_key (tenant_id, created_at)`);
    for (const statement of tenantIsolationSql('idempotency_key')) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_key`);
  }
}
