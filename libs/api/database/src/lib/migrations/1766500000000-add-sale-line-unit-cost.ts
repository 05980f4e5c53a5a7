import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The product's cost copied onto each sale line when it is sold (issue 29), so margins never change
 * when the catalog's cost does. Lines sold before this have no cost: analytics counts them as unknown.
 */
export class AddSaleLineUnitCost1766500000000 implements MigrationInterface {
  name = 'AddSaleLineUnitCost1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sale_line ADD COLUMN unit_cost_minor bigint CHECK (unit_cost_minor >= 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sale_line DROP COLUMN unit_cost_minor`);
  }
}
