import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateCatalog1764374400000 implements MigrationInterface {
  name = 'CreateCatalog1764374400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram search on names; btree_gin lets that GIN index start with tenant_id like every other.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);

    await queryRunner.query(`
      CREATE TABLE category (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL,
        parent_id uuid,
        name text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT category_parent_fk FOREIGN KEY (tenant_id, parent_id) REFERENCES category (tenant_id, id),
        CONSTRAINT category_not_own_parent CHECK (parent_id IS DISTINCT FROM id)
      )`);
    await queryRunner.query(`CREATE INDEX category_parent_idx ON category (tenant_id, parent_id)`);

    await queryRunner.query(`
      CREATE TABLE product (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL,
        sku text NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
        name text NOT NULL,
        description text,
        category_id uuid,
        unit text NOT NULL DEFAULT 'piece',
        price_minor bigint NOT NULL CHECK (price_minor >= 0),
        cost_minor bigint CHECK (cost_minor >= 0),
        tax_rate_bps integer NOT NULL DEFAULT 0 CHECK (tax_rate_bps BETWEEN 0 AND 10000),
        active boolean NOT NULL DEFAULT true,
        track_stock boolean NOT NULL DEFAULT true,
        reorder_point integer CHECK (reorder_point >= 0),
        reorder_quantity integer CHECK (reorder_quantity >= 0),
        image_url text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT product_category_fk FOREIGN KEY (tenant_id, category_id) REFERENCES category (tenant_id, id)
      )`);
    // A deleted product frees its SKU for a new one.
    await queryRunner.query(`CREATE UNIQUE INDEX product_sku_key ON product (tenant_id, sku) WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX product_sku_prefix_idx ON product (tenant_id, lower(sku) text_pattern_ops) WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX product_name_trgm_idx ON product USING gin (tenant_id, name gin_trgm_ops) WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX product_list_idx ON product (tenant_id, name, id) WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX product_category_idx ON product (tenant_id, category_id) WHERE deleted_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE product_barcode (
        tenant_id uuid NOT NULL,
        code text NOT NULL,
        product_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, code),
        FOREIGN KEY (tenant_id, product_id) REFERENCES product (tenant_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX product_barcode_product_idx ON product_barcode (tenant_id, product_id)`);

    for (const table of ['category', 'product', 'product_barcode']) {
      for (const statement of tenantIsolationSql(table)) await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE product_barcode`);
    await queryRunner.query(`DROP TABLE product`);
    await queryRunner.query(`DROP TABLE category`);
  }
}
