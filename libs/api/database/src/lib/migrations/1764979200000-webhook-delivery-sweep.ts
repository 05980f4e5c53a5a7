import { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhookDeliverySweep1764979200000 implements MigrationInterface {
  name = 'WebhookDeliverySweep1764979200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The sweep re-queues overdue pending deliveries of every tenant (decision 0006's pattern): it alone
    // reads across tenants, read-only, inside transactions that set app.scope = 'webhook-sweep'.
    await queryRunner.query(`CREATE POLICY webhook_sweep ON webhook_delivery FOR SELECT USING (current_setting('app.scope', true) = 'webhook-sweep')`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_due_idx ON webhook_delivery ((coalesce(next_attempt_at, created_at))) WHERE status = 'pending'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX webhook_delivery_due_idx`);
    await queryRunner.query(`DROP POLICY webhook_sweep ON webhook_delivery`);
  }
}
