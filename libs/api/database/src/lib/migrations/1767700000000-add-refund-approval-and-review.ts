import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refunds at the till (issue 21): who approved a cashier's refund (PIN), and the review of offline refunds —
 * flags for what could not be checked offline (an approval that did not hold on sync), listed until reviewed.
 */
export class AddRefundApprovalAndReview1767700000000 implements MigrationInterface {
  name = 'AddRefundApprovalAndReview1767700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE sale_refund
        ADD COLUMN approved_by uuid,
        ADD COLUMN flags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN reviewed_at timestamptz,
        ADD COLUMN reviewed_by uuid,
        ADD COLUMN review_note text,
        ADD CONSTRAINT sale_refund_approved_by_fkey FOREIGN KEY (tenant_id, approved_by) REFERENCES app_user (tenant_id, id)`);
    await queryRunner.query(`CREATE INDEX sale_refund_reconciliation_idx ON sale_refund (tenant_id, id) WHERE offline AND reviewed_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX sale_refund_reconciliation_idx`);
    await queryRunner.query(
      `ALTER TABLE sale_refund DROP COLUMN approved_by, DROP COLUMN flags, DROP COLUMN reviewed_at, DROP COLUMN reviewed_by, DROP COLUMN review_note`,
    );
  }
}
