import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDiscountLimits1765324800000 implements MigrationInterface {
  name = 'AddDiscountLimits1765324800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // How far sellers may discount a sale (line and sale discounts together), in basis points of its gross:
    // holders of sales:discount up to the manager limit, everyone else up to the cashier limit; owners without one.
    await queryRunner.query(`
      ALTER TABLE tenant
        ADD COLUMN discount_limit_manager_bps integer NOT NULL DEFAULT 10000 CHECK (discount_limit_manager_bps BETWEEN 0 AND 10000),
        ADD COLUMN discount_limit_cashier_bps integer NOT NULL DEFAULT 0 CHECK (discount_limit_cashier_bps BETWEEN 0 AND 10000)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tenant DROP COLUMN discount_limit_manager_bps, DROP COLUMN discount_limit_cashier_bps`);
  }
}
