import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

const TABLES = ['analytics_monthly_product', 'analytics_customer_total'];

// The existing daily rollups summed, as AnalyticsRollupsService derives them, so no rebuild is needed at deploy.
const BACKFILL = [
  `INSERT INTO analytics_monthly_product (tenant_id, store_id, month, product_id, quantity, revenue_minor, cost_minor, costed_revenue_minor,
                                          unknown_cost_lines, discount_minor, tax_minor, transactions)
   SELECT tenant_id, store_id, date_trunc('month', day)::date, product_id, sum(quantity), sum(revenue_minor), sum(cost_minor),
          sum(costed_revenue_minor), sum(unknown_cost_lines), sum(discount_minor), sum(tax_minor), sum(transactions)
     FROM analytics_daily_product WHERE tenant_id = $1 GROUP BY tenant_id, store_id, date_trunc('month', day), product_id`,
  `INSERT INTO analytics_customer_total (tenant_id, store_id, customer_id, first_day, last_day, first_order_day, last_order_day, orders, revenue_minor)
   SELECT tenant_id, store_id, customer_id, min(day), max(day), min(day) FILTER (WHERE orders > 0), max(day) FILTER (WHERE orders > 0),
          sum(orders), sum(revenue_minor)
     FROM analytics_customer_day WHERE tenant_id = $1 GROUP BY tenant_id, store_id, customer_id`,
];

/**
 * Coarser analytics rollups (issue 29), derived from the daily ones in the same transaction that writes them:
 * a period's top products read whole months here and only the partial months' days from `analytics_daily_product`;
 * customer lifetime value over all history reads one row per store and customer instead of every customer-day.
 */
export class CreateCoarserAnalyticsRollups1768800000000 implements MigrationInterface {
  name = 'CreateCoarserAnalyticsRollups1768800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE analytics_monthly_product (
        tenant_id uuid NOT NULL,
        store_id uuid NOT NULL,
        -- The month's first local day.
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        product_id uuid NOT NULL,
        quantity bigint NOT NULL,
        revenue_minor bigint NOT NULL,
        cost_minor bigint NOT NULL,
        costed_revenue_minor bigint NOT NULL,
        unknown_cost_lines integer NOT NULL,
        discount_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        transactions integer NOT NULL,
        PRIMARY KEY (tenant_id, store_id, month, product_id)
      )`);
    await queryRunner.query(`CREATE INDEX analytics_monthly_product_month_idx ON analytics_monthly_product (tenant_id, month)`);
    // Every day with a row in analytics_customer_day for the store and customer: `first_order_day`/`last_order_day`
    // over the days with orders (null when only refunds), `first_day`/`last_day` over all of them.
    await queryRunner.query(`
      CREATE TABLE analytics_customer_total (
        tenant_id uuid NOT NULL,
        store_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        first_day date NOT NULL,
        last_day date NOT NULL,
        first_order_day date,
        last_order_day date,
        orders integer NOT NULL,
        revenue_minor bigint NOT NULL,
        PRIMARY KEY (tenant_id, store_id, customer_id)
      )`);
    for (const table of TABLES) {
      for (const statement of tenantIsolationSql(table)) await queryRunner.query(statement);
    }
    // Tenant by tenant, as the owner may be subject to row-level security (see CreateRegisters).
    const tenants: { tenantId: string }[] = await queryRunner.query(`SELECT tenant_id AS "tenantId" FROM tenant_directory`);
    for (const { tenantId } of tenants) {
      await queryRunner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      for (const statement of BACKFILL) await queryRunner.query(statement, [tenantId]);
    }
    await queryRunner.query(`SELECT set_config('app.tenant_id', '', true)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
