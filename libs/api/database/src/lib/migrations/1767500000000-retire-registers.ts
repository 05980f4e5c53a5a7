import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A register can be retired (issue 25, decision 0029): it takes no new online sales, shifts or pairings, and
 * keeps its sales, receipts and numbering. Null while in use; reactivating clears it.
 */
export class RetireRegisters1767500000000 implements MigrationInterface {
  name = 'RetireRegisters1767500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE register ADD COLUMN retired_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE register DROP COLUMN retired_at`);
  }
}
