import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddStaffPins1765756800001 implements MigrationInterface {
  name = 'AddStaffPins1765756800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A short PIN to switch users on a paired till (argon2id, like passwords); null until the user sets one.
    await queryRunner.query(`ALTER TABLE app_user ADD COLUMN pin_hash text`);
    // A PIN sign-in's register travels with its refresh token family, so refreshed access tokens keep it.
    await queryRunner.query(`ALTER TABLE refresh_token ADD COLUMN register_id uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE refresh_token DROP COLUMN register_id`);
    await queryRunner.query(`ALTER TABLE app_user DROP COLUMN pin_hash`);
  }
}
