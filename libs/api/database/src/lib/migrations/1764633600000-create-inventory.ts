import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateInventory1764633600000 implements MigrationInterface {
  name = 'CreateInventory1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // `low` remembers the last side of the reorder point, so stock.low fires once per crossing.
    await queryRunner.query(`
      CREATE TABLE stock_level (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        product_id uuid NOT NULL,
        on_hand integer NOT NULL DEFAULT 0,
        reorder_point integer CHECK (reorder_point >= 0),
        low boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT stock_level_store_product_key UNIQUE (tenant_id, store_id, product_id),
        FOREIGN KEY (tenant_id, store_id) REFERENCES store (tenant_id, id),
        FOREIGN KEY (tenant_id, product_id) REFERENCES product (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX stock_level_product_idx ON stock_level (tenant_id, product_id)`);
    await queryRunner.query(`CREATE INDEX stock_level_low_idx ON stock_level (tenant_id, store_id) WHERE low`);

    await queryRunner.query(`
      CREATE TABLE stock_ledger (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        product_id uuid NOT NULL,
        delta integer NOT NULL CHECK (delta <> 0),
        on_hand_after integer NOT NULL,
        reason text NOT NULL CHECK (reason IN ('sale', 'refund', 'adjustment', 'count', 'damage', 'loss', 'receipt', 'transfer_in', 'transfer_out')),
        actor_type text NOT NULL,
        actor_id uuid,
        reference_type text,
        reference_id uuid,
        note text,
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, store_id, product_id) REFERENCES stock_level (tenant_id, store_id, product_id)
      )`);
    await queryRunner.query(`CREATE INDEX stock_ledger_level_idx ON stock_ledger (tenant_id, store_id, product_id, id)`);
    await queryRunner.query(`CREATE INDEX stock_ledger_reference_idx ON stock_ledger (tenant_id, reference_id) WHERE reference_id IS NOT NULL`);

    for (const table of ['stock_level', 'stock_ledger']) {
      for (const statement of tenantIsolationSql(table)) await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE stock_ledger`);
    await queryRunner.query(`DROP TABLE stock_level`);
  }
}
