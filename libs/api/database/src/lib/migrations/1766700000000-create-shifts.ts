import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateShifts1766700000000 implements MigrationInterface {
  name = 'CreateShifts1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The shop's cash rules and, per register, the Z-report counter (gapless: the row stays locked until the close commits).
    await queryRunner.query(`
      CREATE TABLE shift_settings (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        require_open_shift boolean NOT NULL DEFAULT false,
        blind_count boolean NOT NULL DEFAULT true,
        discrepancy_threshold_minor bigint NOT NULL DEFAULT 0 CHECK (discrepancy_threshold_minor >= 0),
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE shift_counter (
        tenant_id uuid NOT NULL,
        register_id uuid NOT NULL,
        last_z_number integer NOT NULL DEFAULT 0 CHECK (last_z_number >= 0),
        PRIMARY KEY (tenant_id, register_id),
        FOREIGN KEY (tenant_id, register_id) REFERENCES register (tenant_id, id)
      )`);

    await queryRunner.query(`
      CREATE TABLE shift (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        register_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        currency char(3) NOT NULL,
        opening_float_minor bigint NOT NULL CHECK (opening_float_minor >= 0),
        offline boolean NOT NULL DEFAULT false,
        opened_at timestamptz NOT NULL,
        opened_by_type text NOT NULL CHECK (opened_by_type IN ('user', 'api_key')),
        opened_by uuid NOT NULL,
        -- The opening request, so a till's resend (client id) replays it and another body under the id is refused.
        open_request_hash bytea NOT NULL,
        closed_at timestamptz,
        closed_by_type text CHECK (closed_by_type IN ('user', 'api_key')),
        closed_by uuid,
        counted_cash_minor bigint CHECK (counted_cash_minor >= 0),
        expected_cash_minor bigint,
        over_short_minor bigint,
        denominations jsonb,
        z_number integer CHECK (z_number > 0),
        -- The Z-report as printed at the close: never recomputed, so later refunds or voids of its sales do not change it.
        z_report jsonb,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT shift_z_number_key UNIQUE (tenant_id, register_id, z_number),
        CONSTRAINT shift_closed_complete CHECK (
          (status = 'open' AND closed_at IS NULL AND z_number IS NULL AND z_report IS NULL)
          OR (status = 'closed' AND closed_at IS NOT NULL AND z_number IS NOT NULL AND z_report IS NOT NULL AND counted_cash_minor IS NOT NULL)),
        FOREIGN KEY (tenant_id, store_id) REFERENCES store (tenant_id, id),
        FOREIGN KEY (tenant_id, register_id) REFERENCES register (tenant_id, id)
      )`);
    // One open shift per register: a second open is refused by the index, whatever the race.
    await queryRunner.query(`CREATE UNIQUE INDEX shift_open_key ON shift (tenant_id, register_id) WHERE status = 'open'`);
    await queryRunner.query(`CREATE INDEX shift_store_time_idx ON shift (tenant_id, store_id, opened_at, id)`);
    await queryRunner.query(`CREATE INDEX shift_register_time_idx ON shift (tenant_id, register_id, opened_at, id)`);
    // A closed shift is the Z-report: nothing of it changes any more, whoever asks.
    await queryRunner.query(`
      CREATE FUNCTION shift_closed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'shift % is closed and cannot change', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'shift_closed_final';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER shift_closed_final BEFORE UPDATE OR DELETE ON shift
        FOR EACH ROW WHEN (OLD.status = 'closed') EXECUTE FUNCTION shift_closed_is_final()`);

    await queryRunner.query(`
      CREATE TABLE shift_cash_movement (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        shift_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('pay_in', 'pay_out', 'drop')),
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        reason text NOT NULL,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key')),
        actor_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        request_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, shift_id) REFERENCES shift (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX shift_cash_movement_shift_idx ON shift_cash_movement (tenant_id, shift_id, occurred_at, id)`);

    // Which drawer each sale took its cash into, and which drawer paid a refund or a void out.
    await queryRunner.query(`
      ALTER TABLE sale
        ADD COLUMN shift_id uuid,
        ADD COLUMN void_register_id uuid,
        ADD COLUMN void_shift_id uuid,
        ADD CONSTRAINT sale_shift_fkey FOREIGN KEY (tenant_id, shift_id) REFERENCES shift (tenant_id, id),
        ADD CONSTRAINT sale_void_register_fkey FOREIGN KEY (tenant_id, void_register_id) REFERENCES register (tenant_id, id),
        ADD CONSTRAINT sale_void_shift_fkey FOREIGN KEY (tenant_id, void_shift_id) REFERENCES shift (tenant_id, id)`);
    await queryRunner.query(`CREATE INDEX sale_shift_idx ON sale (tenant_id, shift_id) WHERE shift_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX sale_void_shift_idx ON sale (tenant_id, void_shift_id) WHERE void_shift_id IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE sale_refund
        ADD COLUMN shift_id uuid,
        ADD CONSTRAINT sale_refund_shift_fkey FOREIGN KEY (tenant_id, shift_id) REFERENCES shift (tenant_id, id),
        ADD CONSTRAINT sale_refund_register_fkey FOREIGN KEY (tenant_id, register_id) REFERENCES register (tenant_id, id)`);
    await queryRunner.query(`CREATE INDEX sale_refund_shift_idx ON sale_refund (tenant_id, shift_id) WHERE shift_id IS NOT NULL`);

    for (const table of ['shift_settings', 'shift_counter', 'shift', 'shift_cash_movement']) {
      for (const statement of tenantIsolationSql(table)) await queryRunner.query(statement);
    }
    // Cash movements are the drawer's ledger: added to, never rewritten.
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON shift_cash_movement FROM ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sale_refund DROP CONSTRAINT sale_refund_register_fkey, DROP COLUMN shift_id`);
    await queryRunner.query(`ALTER TABLE sale DROP COLUMN void_shift_id, DROP COLUMN void_register_id, DROP COLUMN shift_id`);
    await queryRunner.query(`DROP TABLE shift_cash_movement, shift, shift_counter, shift_settings`);
    await queryRunner.query(`DROP FUNCTION shift_closed_is_final()`);
  }
}
