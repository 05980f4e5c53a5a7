import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

const SIGNATURE = 'outbox_relay_lag_seconds()';

/**
 * The relay lag metric (issue 28): the age of the oldest event not yet published, across tenants,
 * answered by a SECURITY DEFINER function that returns one number and nothing of any tenant's rows
 * (docs/decisions/0009). Reads the unpublished partial index only.
 */
export class OutboxRelayLag1766400000000 implements MigrationInterface {
  name = 'OutboxRelayLag1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION ${SIGNATURE} RETURNS double precision LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
         SELECT coalesce(extract(epoch FROM now() - min(e.occurred_at)), 0)::double precision FROM public.outbox_event e WHERE e.sequence IS NULL
       $$`,
    );
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${SIGNATURE} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ${SIGNATURE}`);
  }
}
