import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateMail1766000000000 implements MigrationInterface {
  name = 'CreateMail1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A mail waiting to be sent after commit (DESIGN.md §15): its `mail.queued` event drives the
    // sending. The bodies are dropped once it is sent (an invite's carries a set-password link).
    await queryRunner.query(`
      CREATE TABLE mail_message (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('receipt', 'invite')),
        to_address text NOT NULL,
        subject text NOT NULL,
        html text,
        text text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    for (const statement of tenantIsolationSql('mail_message')) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE mail_message`);
  }
}
