import { MigrationInterface, QueryRunner } from 'typeorm';

/** The product list sorts by SKU and by price too (issue 24): each order pages on an index ending with the id, either way. */
export class ProductListSortIndexes1767600000000 implements MigrationInterface {
  name = 'ProductListSortIndexes1767600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX product_list_sku_idx ON product (tenant_id, sku, id) WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX product_list_price_idx ON product (tenant_id, price_minor, id) WHERE deleted_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX product_list_price_idx`);
    await queryRunner.query(`DROP INDEX product_list_sku_idx`);
  }
}
