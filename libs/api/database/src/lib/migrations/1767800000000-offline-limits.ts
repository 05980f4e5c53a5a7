import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offline limits (issue 21): whether tills take card tenders without the network, the largest offline sale, and
 * how long a till may stay offline before it stops selling; and which card tenders were taken offline.
 */
export class OfflineLimits1767800000000 implements MigrationInterface {
  name = 'OfflineLimits1767800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE tenant
        ADD COLUMN offline_card_allowed boolean NOT NULL DEFAULT false,
        ADD COLUMN offline_max_sale_minor bigint CHECK (offline_max_sale_minor > 0),
        ADD COLUMN offline_max_hours integer NOT NULL DEFAULT 24 CHECK (offline_max_hours BETWEEN 1 AND 168)`);
    await queryRunner.query(`ALTER TABLE sale_tender ADD COLUMN offline boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sale_tender DROP COLUMN offline`);
    await queryRunner.query(`ALTER TABLE tenant DROP COLUMN offline_card_allowed, DROP COLUMN offline_max_sale_minor, DROP COLUMN offline_max_hours`);
  }
}
