import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailPurchaseOrders1766200000010 implements MigrationInterface {
  name = 'MailPurchaseOrders1766200000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The `order` action emails the purchase order to the supplier.
    await queryRunner.query(`ALTER TABLE mail_message DROP CONSTRAINT mail_message_purpose_check`);
    await queryRunner.query(`ALTER TABLE mail_message ADD CONSTRAINT mail_message_purpose_check CHECK (purpose IN ('receipt', 'invite', 'purchase_order'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE mail_message DROP CONSTRAINT mail_message_purpose_check`);
    await queryRunner.query(`ALTER TABLE mail_message ADD CONSTRAINT mail_message_purpose_check CHECK (purpose IN ('receipt', 'invite'))`);
  }
}
