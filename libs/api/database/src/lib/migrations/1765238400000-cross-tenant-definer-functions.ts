import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

// Run as the owner, with only pg_catalog on their search path and tables named with their schema,
// so no object a caller could create (a temporary table, a function in public) is picked up instead.
const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, pg_temp`;

const FUNCTIONS = [
  {
    signature: 'outbox_tenants_with_work(recovery_seconds integer)',
    // The tenants with events to stamp, or stamped and still undispatched after the recovery delay.
    sql: `RETURNS SETOF uuid LANGUAGE sql STABLE ${DEFINER} AS $$
      SELECT e.tenant_id FROM public.outbox_event e WHERE e.sequence IS NULL
      UNION
      SELECT e.tenant_id FROM public.outbox_event e
       WHERE e.sequence IS NOT NULL AND e.dispatched_at IS NULL
         AND e.published_at <= now() - make_interval(secs => recovery_seconds)
    $$`,
  },
  {
    signature: 'outbox_delete_expired(retention_days integer)',
    // Retention (EVENTS_RETENTION_DAYS, at least 1): a caller cannot make it delete younger events or markers.
    sql: `RETURNS void LANGUAGE sql VOLATILE ${DEFINER} AS $$
      DELETE FROM public.outbox_event
       WHERE dispatched_at IS NOT NULL AND published_at < now() - make_interval(days => greatest(retention_days, 1));
      DELETE FROM public.processed_event WHERE processed_at < now() - make_interval(days => greatest(retention_days, 1));
    $$`,
  },
  {
    signature: 'webhook_overdue_deliveries(overdue_ms bigint, max_rows integer)',
    // Ids only: the delivery itself is read again in its tenant's transaction when the job runs.
    sql: `RETURNS TABLE (tenant_id uuid, delivery_id uuid, endpoint_id uuid) LANGUAGE sql STABLE ${DEFINER} AS $$
      SELECT d.tenant_id, d.id, d.endpoint_id FROM public.webhook_delivery d
       WHERE d.status = 'pending' AND coalesce(d.next_attempt_at, d.created_at) < now() - overdue_ms * interval '1 millisecond'
       ORDER BY coalesce(d.next_attempt_at, d.created_at) LIMIT max_rows
    $$`,
  },
];

// Row-level security is forced, so it binds the owner too (unless it is a superuser, as in tests and
// the compose file): these let the functions above, which run as the owner, see what they need.
const OWNER_POLICIES = [
  ['outbox_event', 'SELECT'],
  ['outbox_event', 'DELETE'],
  ['processed_event', 'SELECT'],
  ['processed_event', 'DELETE'],
  ['webhook_delivery', 'SELECT'],
] as const;

/**
 * The relay and the webhook sweep read across tenants through SECURITY DEFINER functions that
 * answer only what they need, instead of policies any app-role session could switch on by setting
 * `app.scope` (docs/decisions/0009).
 */
export class CrossTenantDefinerFunctions1765238400000 implements MigrationInterface {
  name = 'CrossTenantDefinerFunctions1765238400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['outbox_event', 'tenant_event_sequence', 'processed_event']) {
      await queryRunner.query(`DROP POLICY outbox_relay ON ${table}`);
    }
    await queryRunner.query(`DROP POLICY webhook_sweep ON webhook_delivery`);

    for (const [table, command] of OWNER_POLICIES) {
      await queryRunner.query(`CREATE POLICY owner_${command.toLowerCase()} ON ${table} FOR ${command} TO CURRENT_USER USING (true)`);
    }
    for (const { signature, sql } of FUNCTIONS) {
      await queryRunner.query(`CREATE FUNCTION ${signature} ${sql}`);
      await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${signature} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${signature} TO ${APP_ROLE}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { signature } of FUNCTIONS) await queryRunner.query(`DROP FUNCTION ${signature}`);
    for (const [table, command] of OWNER_POLICIES) {
      await queryRunner.query(`DROP POLICY owner_${command.toLowerCase()} ON ${table}`);
    }
    for (const table of ['outbox_event', 'tenant_event_sequence', 'processed_event']) {
      await queryRunner.query(
        `CREATE POLICY outbox_relay ON ${table}
           USING (current_setting('app.scope', true) = 'outbox-relay')
           WITH CHECK (current_setting('app.scope', true) = 'outbox-relay')`,
      );
    }
    await queryRunner.query(`CREATE POLICY webhook_sweep ON webhook_delivery FOR SELECT USING (current_setting('app.scope', true) = 'webhook-sweep')`);
  }
}
