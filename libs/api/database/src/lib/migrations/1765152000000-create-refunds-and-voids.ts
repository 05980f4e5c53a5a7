import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateRefundsAndVoids1765152000000 implements MigrationInterface {
  name = 'CreateRefundsAndVoids1765152000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE sale
        ADD COLUMN voided_at timestamptz,
        ADD COLUMN voided_by uuid,
        ADD COLUMN void_reason text`);
    // The guard against refunding more than was sold: one atomic UPDATE per line, checked by the row itself.
    await queryRunner.query(
      `ALTER TABLE sale_line ADD COLUMN refunded_quantity integer NOT NULL DEFAULT 0 CHECK (refunded_quantity >= 0 AND refunded_quantity <= quantity)`,
    );

    // A voided sale's goods go back on the shelf under their own reason.
    await queryRunner.query(`ALTER TABLE stock_ledger DROP CONSTRAINT stock_ledger_reason_check`);
    await queryRunner.query(
      `ALTER TABLE stock_ledger ADD CONSTRAINT stock_ledger_reason_check
         CHECK (reason IN ('sale', 'refund', 'void', 'adjustment', 'count', 'damage', 'loss', 'receipt', 'transfer_in', 'transfer_out'))`,
    );

    await queryRunner.query(`
      CREATE TABLE sale_refund (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        sale_id uuid NOT NULL,
        store_id uuid NOT NULL,
        register_id uuid NOT NULL,
        reason text NOT NULL,
        total_minor bigint NOT NULL CHECK (total_minor >= 0),
        tax_minor bigint NOT NULL CHECK (tax_minor >= 0),
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key')),
        actor_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, sale_id) REFERENCES sale (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX sale_refund_sale_idx ON sale_refund (tenant_id, sale_id, id)`);
    await queryRunner.query(`CREATE INDEX sale_refund_time_idx ON sale_refund (tenant_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE sale_refund_line (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        refund_id uuid NOT NULL,
        sale_line_id uuid NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        restock boolean NOT NULL,
        tax_rate_bps integer NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
        tax_minor bigint NOT NULL CHECK (tax_minor >= 0),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, refund_id) REFERENCES sale_refund (tenant_id, id),
        FOREIGN KEY (tenant_id, sale_line_id) REFERENCES sale_line (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX sale_refund_line_refund_idx ON sale_refund_line (tenant_id, refund_id)`);

    await queryRunner.query(`
      CREATE TABLE sale_refund_tender (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        refund_id uuid NOT NULL,
        position integer NOT NULL,
        type text NOT NULL CHECK (type IN ('cash', 'card', 'other')),
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, refund_id) REFERENCES sale_refund (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX sale_refund_tender_refund_idx ON sale_refund_tender (tenant_id, refund_id)`);

    for (const table of ['sale_refund', 'sale_refund_line', 'sale_refund_tender']) {
      for (const statement of tenantIsolationSql(table)) await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sale_refund_tender`);
    await queryRunner.query(`DROP TABLE sale_refund_line`);
    await queryRunner.query(`DROP TABLE sale_refund`);
    await queryRunner.query(`ALTER TABLE sale_line DROP COLUMN refunded_quantity`);
    await queryRunner.query(`ALTER TABLE sale DROP COLUMN voided_at, DROP COLUMN voided_by, DROP COLUMN void_reason`);
  }
}
