import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The GiST trigram index behind product search keeps 256-byte signatures instead of pg_trgm's default 12
 * (docs/decisions/0046). An inner page of the index summarises the trigrams of every name below it in one
 * signature; at 96 bits that signature has every bit set once a page holds a few dozen names, so neither `<%` nor
 * the nearest-first ordering could skip any page and every search read the whole index. Leaf entries (the names'
 * trigrams) are unchanged.
 */
export class LongerTrigramSignaturesForProductSearch1769200000000 implements MigrationInterface {
  name = 'LongerTrigramSignaturesForProductSearch1769200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX product_name_key_gist_idx`);
    await queryRunner.query(
      `CREATE INDEX product_name_key_gist_idx ON product USING gist (tenant_id, name_key gist_trgm_ops(siglen = 256)) WHERE deleted_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX product_name_key_gist_idx`);
    await queryRunner.query(`CREATE INDEX product_name_key_gist_idx ON product USING gist (tenant_id, name_key gist_trgm_ops) WHERE deleted_at IS NULL`);
  }
}
