import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Product search ignores accents and case ("gruner" finds "Grüner Tee", "creme brulee" finds "Crème brûlée"):
 * names are matched through a stored folded copy, `name_key`, with the trigram index on it instead of on `name`.
 * `unaccent()` is only STABLE (its dictionary could change), so a wrapper that names the dictionary is declared
 * IMMUTABLE, as a generated column and an index need; the dictionary ships with PostgreSQL and does not change.
 */
export class FoldAccentsInProductSearch1767400000000 implements MigrationInterface {
  name = 'FoldAccentsInProductSearch1767400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(
      `CREATE FUNCTION fold_search_text(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
         RETURN public.unaccent('public.unaccent'::regdictionary, lower(value))`,
    );
    await queryRunner.query(`ALTER TABLE product ADD COLUMN name_key text GENERATED ALWAYS AS (fold_search_text(name)) STORED`);
    await queryRunner.query(`DROP INDEX product_name_trgm_idx`);
    await queryRunner.query(`CREATE INDEX product_name_key_trgm_idx ON product USING gin (tenant_id, name_key gin_trgm_ops) WHERE deleted_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX product_name_key_trgm_idx`);
    await queryRunner.query(`ALTER TABLE product DROP COLUMN name_key`);
    await queryRunner.query(`DROP FUNCTION fold_search_text(text)`);
    await queryRunner.query(`CREATE INDEX product_name_trgm_idx ON product USING gin (tenant_id, name gin_trgm_ops) WHERE deleted_at IS NULL`);
  }
}
