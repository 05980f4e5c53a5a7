import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

/** Purchasing (issue 26): suppliers and what they sell, purchase orders, their receipts, and the shop's purchasing settings. */
export class CreatePurchasing1766200000000 implements MigrationInterface {
  name = 'CreatePurchasing1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE purchasing_settings (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        approval_threshold_minor bigint CHECK (approval_threshold_minor >= 0),
        review_period_days integer NOT NULL DEFAULT 7 CHECK (review_period_days BETWEEN 1 AND 365),
        last_order_number integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE supplier (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL,
        name text NOT NULL,
        contact_name text,
        email text,
        phone text,
        address text,
        payment_terms_days integer NOT NULL DEFAULT 0 CHECK (payment_terms_days >= 0),
        lead_time_days integer NOT NULL DEFAULT 0 CHECK (lead_time_days >= 0),
        deleted_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX supplier_name_idx ON supplier (tenant_id, name, id) WHERE deleted_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE supplier_product (
        tenant_id uuid NOT NULL,
        supplier_id uuid NOT NULL,
        product_id uuid NOT NULL,
        supplier_sku text,
        unit_cost_minor bigint NOT NULL CHECK (unit_cost_minor >= 0),
        pack_size integer NOT NULL DEFAULT 1 CHECK (pack_size > 0),
        min_order_quantity integer NOT NULL DEFAULT 0 CHECK (min_order_quantity >= 0),
        preferred boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, supplier_id, product_id),
        FOREIGN KEY (tenant_id, supplier_id) REFERENCES supplier (tenant_id, id),
        FOREIGN KEY (tenant_id, product_id) REFERENCES product (tenant_id, id)
      )`);
    // One preferred supplier per product.
    await queryRunner.query(`CREATE UNIQUE INDEX supplier_product_preferred_key ON supplier_product (tenant_id, product_id) WHERE preferred`);
    await queryRunner.query(`CREATE INDEX supplier_product_product_idx ON supplier_product (tenant_id, product_id)`);

    await queryRunner.query(`
      CREATE TABLE purchase_order (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL,
        number integer NOT NULL,
        supplier_id uuid NOT NULL,
        store_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'ordered', 'partially_received', 'received', 'closed', 'cancelled')),
        currency text NOT NULL,
        note text,
        rejection_reason text,
        created_by_type text NOT NULL,
        created_by uuid,
        approved_by uuid,
        submitted_at timestamptz,
        approved_at timestamptz,
        ordered_at timestamptz,
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, number),
        FOREIGN KEY (tenant_id, supplier_id) REFERENCES supplier (tenant_id, id),
        FOREIGN KEY (tenant_id, store_id) REFERENCES store (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX purchase_order_status_idx ON purchase_order (tenant_id, status, id)`);
    await queryRunner.query(`CREATE INDEX purchase_order_store_idx ON purchase_order (tenant_id, store_id, status)`);

    await queryRunner.query(`
      CREATE TABLE purchase_order_line (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        purchase_order_id uuid NOT NULL,
        position integer NOT NULL,
        product_id uuid NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        received_quantity integer NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
        unit_cost_minor bigint NOT NULL CHECK (unit_cost_minor >= 0),
        expected_date date,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, purchase_order_id, product_id),
        FOREIGN KEY (tenant_id, purchase_order_id) REFERENCES purchase_order (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, product_id) REFERENCES product (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX purchase_order_line_product_idx ON purchase_order_line (tenant_id, product_id)`);

    await queryRunner.query(`
      CREATE TABLE purchase_order_receipt (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        purchase_order_id uuid NOT NULL,
        note text,
        actor_type text NOT NULL,
        actor_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, purchase_order_id) REFERENCES purchase_order (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX purchase_order_receipt_order_idx ON purchase_order_receipt (tenant_id, purchase_order_id, id)`);

    await queryRunner.query(`
      CREATE TABLE purchase_order_receipt_line (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        receipt_id uuid NOT NULL,
        line_id uuid NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_cost_minor bigint NOT NULL CHECK (unit_cost_minor >= 0),
        ledger_entry_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, receipt_id) REFERENCES purchase_order_receipt (tenant_id, id),
        FOREIGN KEY (tenant_id, line_id) REFERENCES purchase_order_line (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX purchase_order_receipt_line_receipt_idx ON purchase_order_receipt_line (tenant_id, receipt_id)`);

    for (const table of [
      'purchasing_settings',
      'supplier',
      'supplier_product',
      'purchase_order',
      'purchase_order_line',
      'purchase_order_receipt',
      'purchase_order_receipt_line',
    ]) {
      for (const statement of tenantIsolationSql(table)) await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE purchase_order_receipt_line, purchase_order_receipt, purchase_order_line, purchase_order, supplier_product, supplier, purchasing_settings`,
    );
  }
}
