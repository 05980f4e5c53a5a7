import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddStaffPins1765756800001 implements MigrationInterface {
  name = 'AddStaffPins1765756800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A short PIN to switch users on a paired till (argon2id, like passwords); null until the user sets one.
    await queryRunner.query(`ALTER TABLE app_user ADD COLUMN pin_hash text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE app_user DROP COLUMN pin_hash`);
  }
}
