import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Under row-level security PostgreSQL only lets a condition drive an index scan if every function
 * in it is LEAKPROOF (else it might reveal rows the policy hides). `lower(sku) LIKE …` and pg_trgm's
 * `<%` are not, so catalog search read all of a tenant's products (about 230 ms at 100,000).
 * - SKU prefixes: a stored lower-case copy, searched as a byte-wise range (`>=`, `<` are leakproof).
 * - Names: pg_trgm's word-similarity operators are marked LEAKPROOF. They compare two strings and
 *   raise no value-dependent errors, so they reveal nothing. Only a superuser may do this; without
 *   one the migration says so and search stays correct, just slower (docs/decisions/0007).
 */
export class MakeCatalogSearchUseIndexes1764460800000 implements MigrationInterface {
  name = 'MakeCatalogSearchUseIndexes1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE product ADD COLUMN sku_key text GENERATED ALWAYS AS (lower(sku)) STORED`);
    await queryRunner.query(`DROP INDEX product_sku_prefix_idx`);
    await queryRunner.query(`CREATE INDEX product_sku_key_idx ON product (tenant_id, sku_key COLLATE "C") WHERE deleted_at IS NULL`);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          ALTER FUNCTION word_similarity_op(text, text) LEAKPROOF;
          ALTER FUNCTION word_similarity_commutator_op(text, text) LEAKPROOF;
        ELSE
          RAISE NOTICE 'Not a superuser: pg_trgm word similarity stays non-leakproof, so name search scans instead of using its index.';
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX product_sku_key_idx`);
    await queryRunner.query(`ALTER TABLE product DROP COLUMN sku_key`);
    await queryRunner.query(`CREATE INDEX product_sku_prefix_idx ON product (tenant_id, lower(sku) text_pattern_ops) WHERE deleted_at IS NULL`);
  }
}
