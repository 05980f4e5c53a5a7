import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateNotifications1766300000000 implements MigrationInterface {
  name = 'CreateNotifications1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One user's messages (low stock, a disabled webhook): pushed live to their socket and kept until read.
    // Not outbox events: they never reach webhooks or the events API.
    await queryRunner.query(`
      CREATE TABLE notification (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        user_id uuid NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text,
        severity text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
        -- The event that caused it, if one did.
        event_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX notification_user_idx ON notification (tenant_id, user_id, id DESC)`);
    await queryRunner.query(`CREATE INDEX notification_unread_idx ON notification (tenant_id, user_id) WHERE read_at IS NULL`);
    for (const statement of tenantIsolationSql('notification')) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification`);
  }
}
