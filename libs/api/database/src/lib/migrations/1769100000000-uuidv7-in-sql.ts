import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `uuidv7()` in SQL, as `uuidv7` of @kassa/contracts makes them (48-bit Unix milliseconds, version 7, RFC 4122 variant,
 * the rest random): events and audit rows built in SQL from the rows a statement writes get their ids there
 * (docs/decisions/0045), instead of 100,000 ids shipped in for an import.
 */
export class Uuidv7InSql1769100000000 implements MigrationInterface {
  name = 'Uuidv7InSql1769100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // gen_random_uuid() has version 4 (0100) and the variant already; its first 6 bytes become the time, and the version 7 (0111).
    await queryRunner.query(`
      CREATE FUNCTION uuidv7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
        SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                 PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION uuidv7()`);
  }
}
