import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/** On-hand equals the ledger's sum (DESIGN.md §2): the app may add to the ledger, never rewrite it, like audit_log. */
export class MakeStockLedgerAppendOnly1765238400001 implements MigrationInterface {
  name = 'MakeStockLedgerAppendOnly1765238400001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON stock_ledger FROM ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`GRANT UPDATE, DELETE ON stock_ledger TO ${APP_ROLE}`);
  }
}
