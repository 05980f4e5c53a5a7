import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refunds from a till (issue 21): a client id answered again on a resend (its request's fingerprint tells a
 * resend from a different refund), when it happened, and whether it was made offline.
 */
export class AddRefundClientFields1766600000001 implements MigrationInterface {
  name = 'AddRefundClientFields1766600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE sale_refund
        ADD COLUMN request_hash bytea,
        ADD COLUMN occurred_at timestamptz,
        ADD COLUMN offline boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sale_refund DROP COLUMN request_hash, DROP COLUMN occurred_at, DROP COLUMN offline`);
  }
}
