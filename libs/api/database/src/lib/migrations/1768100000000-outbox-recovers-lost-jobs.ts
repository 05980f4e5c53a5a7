import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, pg_temp`;
const OLD_SIGNATURE = 'outbox_tenants_with_work(recovery_seconds integer)';
const SIGNATURE = 'outbox_tenants_with_work(recovery_seconds integer, lost_window_seconds integer, consumers jsonb)';

// The old function, for `down`.
const OLD_BODY = `RETURNS SETOF uuid LANGUAGE sql STABLE ${DEFINER} AS $$
  SELECT e.tenant_id FROM public.outbox_event e WHERE e.sequence IS NULL
  UNION
  SELECT e.tenant_id FROM public.outbox_event e
   WHERE e.sequence IS NOT NULL AND e.dispatched_at IS NULL
     AND e.published_at <= now() - make_interval(secs => recovery_seconds)
$$`;

/**
 * Tenants with events to stamp, stamped and undispatched after the recovery delay, or — when `lost_window_seconds`
 * is above 0 — dispatched more than `recovery_seconds` ago (and published within the window) yet neither processed
 * nor dead-lettered by some consumer in `consumers` (`[{ "name": …, "types": [… ] | null }]`, null for every type):
 * their job was lost, as when Redis restarts empty. The lost arm walks the tenants with events and each one's
 * `(tenant_id, published_at)` index range; the processed and dead-letter checks are key lookups.
 */
const BODY = `RETURNS SETOF uuid LANGUAGE sql STABLE ${DEFINER} AS $$
  SELECT e.tenant_id FROM public.outbox_event e WHERE e.sequence IS NULL
  UNION
  SELECT e.tenant_id FROM public.outbox_event e
   WHERE e.sequence IS NOT NULL AND e.dispatched_at IS NULL
     AND e.published_at <= now() - make_interval(secs => recovery_seconds)
  UNION
  SELECT s.tenant_id FROM public.tenant_event_sequence s
   WHERE lost_window_seconds > 0
     AND EXISTS (
       SELECT 1 FROM public.outbox_event e
        WHERE e.tenant_id = s.tenant_id
          AND e.published_at >= now() - make_interval(secs => lost_window_seconds)
          AND e.dispatched_at <= now() - make_interval(secs => recovery_seconds)
          AND EXISTS (
            SELECT 1 FROM jsonb_to_recordset(consumers) AS c(name text, types text[])
             WHERE (c.types IS NULL OR e.type = ANY (c.types))
               AND NOT EXISTS (SELECT 1 FROM public.processed_event p WHERE p.tenant_id = e.tenant_id AND p.consumer = c.name AND p.event_id = e.id)
               AND NOT EXISTS (SELECT 1 FROM public.dead_letter d WHERE d.tenant_id = e.tenant_id AND d.event_id = e.id AND d.consumer = c.name)))
$$`;

// The function runs as the owner, whom forced row-level security binds when it is not a superuser (decision 0009).
const OWNER_POLICIES = ['tenant_event_sequence', 'dead_letter'];

/** The relay's recovery sweep for events whose queue job was lost (issue 16, decision 0035). */
export class OutboxRecoversLostJobs1768100000000 implements MigrationInterface {
  name = 'OutboxRecoversLostJobs1768100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of OWNER_POLICIES) {
      await queryRunner.query(`CREATE POLICY owner_select ON ${table} FOR SELECT TO CURRENT_USER USING (true)`);
    }
    await queryRunner.query(`DROP FUNCTION ${OLD_SIGNATURE}`);
    await queryRunner.query(`CREATE FUNCTION ${SIGNATURE} ${BODY}`);
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${SIGNATURE} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ${SIGNATURE}`);
    await queryRunner.query(`CREATE FUNCTION ${OLD_SIGNATURE} ${OLD_BODY}`);
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${OLD_SIGNATURE} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${OLD_SIGNATURE} TO ${APP_ROLE}`);
    for (const table of OWNER_POLICIES) await queryRunner.query(`DROP POLICY owner_select ON ${table}`);
  }
}
