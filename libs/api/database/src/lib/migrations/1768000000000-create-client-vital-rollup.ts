import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { tenantIsolationSql } from '../tenant-isolation.sql';

const CLEANUP = 'monitoring_delete_expired(retention_days integer)';

/**
 * The browsers' Web Vitals (issue 28) per tenant, minute, page, metric and source, as counts per value bucket
 * (bounds per metric in libs/api/monitoring web-vital-buckets.ts, the last one open) so percentiles merge across
 * processes and minutes; kept as long as the request rollups, by the same cleanup function.
 */
export class CreateClientVitalRollup1768000000000 implements MigrationInterface {
  name = 'CreateClientVitalRollup1768000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE client_vital_rollup (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        minute timestamptz NOT NULL,
        page text NOT NULL,
        metric text NOT NULL CHECK (metric IN ('LCP', 'INP', 'CLS', 'TTFB')),
        source text NOT NULL CHECK (source IN ('web', 'pos')),
        samples integer NOT NULL DEFAULT 0,
        buckets integer[] NOT NULL,
        value_sum double precision NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, minute, page, metric, source)
      )`);
    for (const statement of tenantIsolationSql('client_vital_rollup')) await queryRunner.query(statement);
    await queryRunner.query(`CREATE POLICY owner_select ON client_vital_rollup FOR SELECT TO CURRENT_USER USING (true)`);
    await queryRunner.query(`CREATE POLICY owner_delete ON client_vital_rollup FOR DELETE TO CURRENT_USER USING (true)`);
    await this.cleanup(
      queryRunner,
      `DELETE FROM public.request_rollup WHERE minute < now() - make_interval(days => greatest(retention_days, 1));
       DELETE FROM public.client_vital_rollup WHERE minute < now() - make_interval(days => greatest(retention_days, 1));`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.cleanup(queryRunner, `DELETE FROM public.request_rollup WHERE minute < now() - make_interval(days => greatest(retention_days, 1));`);
    await queryRunner.query(`DROP TABLE client_vital_rollup`);
  }

  private async cleanup(queryRunner: QueryRunner, body: string): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION ${CLEANUP} RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ ${body} $$`,
    );
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${CLEANUP} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${CLEANUP} TO ${APP_ROLE}`);
  }
}
