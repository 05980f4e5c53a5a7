import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The number of daily rows in each monthly product row (issue 29, decision 0049): a period can then be read as whole
 * months less the days outside it, and still tell which products had a row in it.
 */
export class CountDaysInMonthlyProductRollup1769400000000 implements MigrationInterface {
  name = 'CountDaysInMonthlyProductRollup1769400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE analytics_monthly_product ADD COLUMN days integer NOT NULL DEFAULT 0`);
    // Tenant by tenant, as the owner may be subject to row-level security (see CreateRegisters).
    const tenants: { tenantId: string }[] = await queryRunner.query(`SELECT tenant_id AS "tenantId" FROM tenant_directory`);
    for (const { tenantId } of tenants) {
      await queryRunner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      await queryRunner.query(
        `UPDATE analytics_monthly_product m SET days = d.days
           FROM (SELECT store_id, date_trunc('month', day)::date AS month, product_id, count(*)::int AS days
                   FROM analytics_daily_product WHERE tenant_id = $1 GROUP BY 1, 2, 3) d
          WHERE m.tenant_id = $1 AND m.store_id = d.store_id AND m.month = d.month AND m.product_id = d.product_id`,
        [tenantId],
      );
    }
    await queryRunner.query(`SELECT set_config('app.tenant_id', '', true)`);
    await queryRunner.query(`ALTER TABLE analytics_monthly_product ALTER COLUMN days DROP DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE analytics_monthly_product DROP COLUMN days`);
  }
}
