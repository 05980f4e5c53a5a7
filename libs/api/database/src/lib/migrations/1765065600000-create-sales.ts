import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateSales1765065600000 implements MigrationInterface {
  name = 'CreateSales1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A sale keeps what was rung up: names, prices, tax rates and the tax mode are copied, so receipts and
    // reports never change when the catalog does. Amounts are integer minor units (DESIGN.md §2).
    await queryRunner.query(`
      CREATE TABLE sale (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        register_id uuid NOT NULL,
        -- Set in the sale's transaction; an api register's number is taken last, so its row is locked briefly.
        receipt_number integer CHECK (receipt_number > 0),
        customer_id uuid,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key')),
        actor_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'voided')),
        offline boolean NOT NULL DEFAULT false,
        -- What an offline sale did that an online one could not have: reviewed in the reconciliation list.
        flags text[] NOT NULL DEFAULT '{}',
        reviewed_at timestamptz,
        reviewed_by uuid,
        review_note text,
        currency char(3) NOT NULL,
        prices_include_tax boolean NOT NULL,
        discount jsonb,
        subtotal_minor bigint NOT NULL CHECK (subtotal_minor >= 0),
        discount_minor bigint NOT NULL CHECK (discount_minor >= 0),
        tax_minor bigint NOT NULL CHECK (tax_minor >= 0),
        total_minor bigint NOT NULL CHECK (total_minor >= 0),
        tendered_minor bigint NOT NULL CHECK (tendered_minor >= 0),
        change_due_minor bigint NOT NULL CHECK (change_due_minor >= 0),
        note text,
        -- The request that created it, so a resent sale replays when the body matches (sale_exists otherwise).
        request_hash bytea NOT NULL,
        occurred_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT sale_receipt_number_key UNIQUE (tenant_id, register_id, receipt_number),
        FOREIGN KEY (tenant_id, store_id) REFERENCES store (tenant_id, id),
        FOREIGN KEY (tenant_id, register_id) REFERENCES register (tenant_id, id),
        FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX sale_store_time_idx ON sale (tenant_id, store_id, occurred_at, id)`);
    await queryRunner.query(`CREATE INDEX sale_time_idx ON sale (tenant_id, occurred_at, id)`);
    await queryRunner.query(`CREATE INDEX sale_customer_idx ON sale (tenant_id, customer_id, occurred_at) WHERE customer_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX sale_reconciliation_idx ON sale (tenant_id, occurred_at, id) WHERE cardinality(flags) > 0 AND reviewed_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE sale_line (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        sale_id uuid NOT NULL,
        position integer NOT NULL,
        product_id uuid NOT NULL,
        sku text NOT NULL,
        name text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
        -- The catalog price when the sale was recorded: an override or a stale offline price shows against it.
        list_price_minor bigint NOT NULL,
        tax_rate_bps integer NOT NULL,
        discount jsonb,
        gross_minor bigint NOT NULL,
        line_discount_minor bigint NOT NULL,
        sale_discount_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        total_minor bigint NOT NULL,
        flags text[] NOT NULL DEFAULT '{}',
        on_hand_after integer,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT sale_line_position_key UNIQUE (tenant_id, sale_id, position),
        FOREIGN KEY (tenant_id, sale_id) REFERENCES sale (tenant_id, id),
        FOREIGN KEY (tenant_id, product_id) REFERENCES product (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX sale_line_product_idx ON sale_line (tenant_id, product_id)`);

    await queryRunner.query(`
      CREATE TABLE sale_tender (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        sale_id uuid NOT NULL,
        position integer NOT NULL,
        type text NOT NULL CHECK (type IN ('cash', 'card', 'other')),
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT sale_tender_position_key UNIQUE (tenant_id, sale_id, position),
        FOREIGN KEY (tenant_id, sale_id) REFERENCES sale (tenant_id, id)
      )`);

    for (const table of ['sale', 'sale_line', 'sale_tender']) {
      for (const statement of tenantIsolationSql(table)) await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sale_tender`);
    await queryRunner.query(`DROP TABLE sale_line`);
    await queryRunner.query(`DROP TABLE sale`);
  }
}
