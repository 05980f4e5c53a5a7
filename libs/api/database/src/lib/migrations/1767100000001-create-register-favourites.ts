import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateRegisterFavourites1767100000001 implements MigrationInterface {
  name = 'CreateRegisterFavourites1767100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The products a till shows first, in the order a manager put them (issue 20). Replaced whole on each
    // change; a product deleted later stays in the list but is no longer answered.
    await queryRunner.query(`
      CREATE TABLE register_favourite (
        tenant_id uuid NOT NULL,
        register_id uuid NOT NULL,
        product_id uuid NOT NULL,
        position smallint NOT NULL CHECK (position >= 0),
        PRIMARY KEY (tenant_id, register_id, product_id),
        CONSTRAINT register_favourite_position_key UNIQUE (tenant_id, register_id, position),
        FOREIGN KEY (tenant_id, register_id) REFERENCES register (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, product_id) REFERENCES product (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX register_favourite_product_idx ON register_favourite (tenant_id, product_id)`);
    for (const statement of tenantIsolationSql('register_favourite')) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE register_favourite`);
  }
}
