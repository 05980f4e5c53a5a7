import { defaultLocale } from '@kassa/contracts';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class TenantLocale1765411200000 implements MigrationInterface {
  name = 'TenantLocale1765411200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tenant ADD COLUMN locale text`);
    // Existing shops get the locale a new shop with their currency and time zone would get, tenant by
    // tenant: the owner may be subject to row-level security, and a superuser is not (so the id is named too).
    const tenants: { tenantId: string }[] = await queryRunner.query(`SELECT tenant_id AS "tenantId" FROM tenant_directory`);
    for (const { tenantId } of tenants) {
      await queryRunner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const [tenant]: { currency: string; timeZone: string }[] = await queryRunner.query(`SELECT currency, time_zone AS "timeZone" FROM tenant WHERE id = $1`, [
        tenantId,
      ]);
      if (tenant) await queryRunner.query(`UPDATE tenant SET locale = $1 WHERE id = $2`, [defaultLocale(tenant.currency, tenant.timeZone), tenantId]);
    }
    await queryRunner.query(`SELECT set_config('app.tenant_id', '', true)`);
    await queryRunner.query(`ALTER TABLE tenant ALTER COLUMN locale SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tenant DROP COLUMN locale`);
  }
}
