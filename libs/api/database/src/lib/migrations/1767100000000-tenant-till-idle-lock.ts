import { MigrationInterface, QueryRunner } from 'typeorm';

export class TenantTillIdleLock1767100000000 implements MigrationInterface {
  name = 'TenantTillIdleLock1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // How long a till may sit untouched before it locks itself (issue 20): a shop setting, two minutes unless changed.
    await queryRunner.query(`
      ALTER TABLE tenant
        ADD COLUMN till_idle_lock_seconds integer NOT NULL DEFAULT 120 CHECK (till_idle_lock_seconds BETWEEN 15 AND 3600)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tenant DROP COLUMN till_idle_lock_seconds`);
  }
}
