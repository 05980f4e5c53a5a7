import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Product search reads names nearest first and stops after a page (docs/decisions/0036): a GiST trigram index
 * orders by word distance (`<<->`) and answers `<%` too, so it replaces the GIN index, which can only hand over
 * every match for sorting. `btree_gist` lets the tenant column lead the index, as it leads every other.
 */
export class RankProductNamesByTrigramDistance1768200000000 implements MigrationInterface {
  name = 'RankProductNamesByTrigramDistance1768200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`CREATE INDEX product_name_key_gist_idx ON product USING gist (tenant_id, name_key gist_trgm_ops) WHERE deleted_at IS NULL`);
    await queryRunner.query(`DROP INDEX product_name_key_trgm_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX product_name_key_trgm_idx ON product USING gin (tenant_id, name_key gin_trgm_ops) WHERE deleted_at IS NULL`);
    await queryRunner.query(`DROP INDEX product_name_key_gist_idx`);
  }
}
