import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { tenantIsolationSql } from '../tenant-isolation.sql';

const SIGNATURE = 'oldest_running_transaction_start()';

/**
 * Catalog deltas for the till (`updatedSince`, `syncedTo`). A row's `updated_at` is its transaction's
 * start, so a slow transaction commits rows stamped in the past; `syncedTo` never passes the start of
 * a transaction still running. The app role cannot see other sessions' transactions in
 * pg_stat_activity (they log in as the owner), so a definer function answers that one time and nothing else.
 */
export class CatalogDeltas1765756800003 implements MigrationInterface {
  name = 'CatalogDeltas1765756800003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION ${SIGNATURE} RETURNS timestamptz LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
        SELECT min(a.xact_start) FROM pg_catalog.pg_stat_activity a
         WHERE a.datname = current_database() AND a.xact_start IS NOT NULL AND a.pid <> pg_backend_pid()
      $$`);
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${SIGNATURE} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO ${APP_ROLE}`);
    // Deleted rows included: a delta reports deletions.
    await queryRunner.query(`CREATE INDEX product_updated_idx ON product (tenant_id, updated_at, id)`);
    await queryRunner.query(`CREATE INDEX category_updated_idx ON category (tenant_id, updated_at, id)`);
    // Categories are deleted for good; a delta still has to report them.
    await queryRunner.query(`
      CREATE TABLE category_deletion (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        deleted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX category_deletion_deleted_idx ON category_deletion (tenant_id, deleted_at)`);
    for (const statement of tenantIsolationSql('category_deletion')) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE category_deletion`);
    await queryRunner.query(`DROP INDEX category_updated_idx`);
    await queryRunner.query(`DROP INDEX product_updated_idx`);
    await queryRunner.query(`DROP FUNCTION ${SIGNATURE}`);
  }
}
