import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each till's last sync report (issue 21): what waits in its offline queue, since when, what the API
 * refused and the last error, so a manager sees a till that has been offline for hours before the
 * day's figures are wrong. Only the latest report is kept (a heartbeat on every sync attempt).
 */
export class AddDeviceSyncReports1766600000000 implements MigrationInterface {
  name = 'AddDeviceSyncReports1766600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE device
        ADD COLUMN sync_reported_at timestamptz,
        ADD COLUMN sync_pending integer CHECK (sync_pending >= 0),
        ADD COLUMN sync_refused integer CHECK (sync_refused >= 0),
        ADD COLUMN sync_oldest_pending_at timestamptz,
        ADD COLUMN sync_last_error text,
        ADD COLUMN storage_persisted boolean`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE device
        DROP COLUMN sync_reported_at, DROP COLUMN sync_pending, DROP COLUMN sync_refused,
        DROP COLUMN sync_oldest_pending_at, DROP COLUMN sync_last_error, DROP COLUMN storage_persisted`);
  }
}
