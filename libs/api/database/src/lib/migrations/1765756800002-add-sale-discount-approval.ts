import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSaleDiscountApproval1765756800002 implements MigrationInterface {
  name = 'AddSaleDiscountApproval1765756800002';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The user who approved a discount beyond the seller's allowance at the till (with their PIN).
    await queryRunner.query(`
      ALTER TABLE sale
        ADD COLUMN discount_approved_by uuid,
        ADD CONSTRAINT sale_discount_approved_by_fkey FOREIGN KEY (tenant_id, discount_approved_by) REFERENCES app_user (tenant_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sale DROP COLUMN discount_approved_by`);
  }
}
