import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { tenantIsolationSql } from '../tenant-isolation.sql';

const TABLES = ['request_rollup', 'error_log'];
const CLEANUP = 'monitoring_delete_expired(retention_days integer)';

/**
 * Per-tenant monitoring (issue 28): request rollups per minute and route template, and the error log
 * grouped by fingerprint. The operators' CLI connects as the schema owner, which forced row-level
 * security binds too: the owner policies let it read across tenants; the app role still sees its tenant only.
 */
export class CreateMonitoringTables1766400000001 implements MigrationInterface {
  name = 'CreateMonitoringTables1766400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE request_rollup (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        minute timestamptz NOT NULL,
        route text NOT NULL,
        requests integer NOT NULL DEFAULT 0,
        errors integer NOT NULL DEFAULT 0,
        -- Counts per latency bucket (upper bounds in libs/api/monitoring latency-buckets.ts, the last one open),
        -- so percentiles merge across processes and minutes.
        latency_buckets integer[] NOT NULL,
        latency_sum_ms double precision NOT NULL DEFAULT 0,
        cache_hits integer NOT NULL DEFAULT 0,
        cache_misses integer NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, minute, route)
      )`);
    await queryRunner.query(`
      CREATE TABLE error_log (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        fingerprint text NOT NULL,
        source text NOT NULL CHECK (source IN ('api', 'web', 'pos')),
        severity text NOT NULL CHECK (severity IN ('fatal', 'error', 'warning')),
        type text NOT NULL,
        message text NOT NULL,
        stack text,
        route text,
        context jsonb NOT NULL DEFAULT '{}',
        count integer NOT NULL DEFAULT 1,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by uuid,
        reopened_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, fingerprint)
      )`);
    await queryRunner.query(`CREATE INDEX error_log_last_seen_idx ON error_log (tenant_id, last_seen_at DESC, id DESC)`);
    for (const table of TABLES) {
      for (const statement of tenantIsolationSql(table)) await queryRunner.query(statement);
      await queryRunner.query(`CREATE POLICY owner_select ON ${table} FOR SELECT TO CURRENT_USER USING (true)`);
      await queryRunner.query(`CREATE POLICY owner_delete ON ${table} FOR DELETE TO CURRENT_USER USING (true)`);
    }
    // Retention across tenants for the app's cleanup job, as outbox_delete_expired does (docs/decisions/0009).
    await queryRunner.query(
      `CREATE FUNCTION ${CLEANUP} RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
         DELETE FROM public.request_rollup WHERE minute < now() - make_interval(days => greatest(retention_days, 1));
       $$`,
    );
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${CLEANUP} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${CLEANUP} TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ${CLEANUP}`);
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
