import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

const ROLLUP_TABLES = ['analytics_daily_product', 'analytics_hourly_store', 'analytics_basket_pair', 'analytics_customer_day'];

/**
 * Analytics rollups (issue 29, DESIGN.md §11), by the shop's local day: sales count on the day they
 * happened, refunds (negative) on the day they were made, voided sales nowhere. Kept by the analytics
 * outbox consumer and rebuilt from sales on demand; nothing else writes them.
 */
export class CreateAnalyticsRollups1766500000001 implements MigrationInterface {
  name = 'CreateAnalyticsRollups1766500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Money in minor units: revenue is line totals net of discounts, tax excluded. `cost_minor` and
    // `costed_revenue_minor` cover only lines with a cost snapshot, `unknown_cost_lines` counts the others.
    const figures = `
        quantity bigint NOT NULL,
        revenue_minor bigint NOT NULL,
        cost_minor bigint NOT NULL,
        costed_revenue_minor bigint NOT NULL,
        unknown_cost_lines integer NOT NULL,
        discount_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        -- Sales (not voided) that day: with the product, or in the store within the hour.
        transactions integer NOT NULL`;
    await queryRunner.query(`
      CREATE TABLE analytics_daily_product (
        tenant_id uuid NOT NULL,
        store_id uuid NOT NULL,
        day date NOT NULL,
        product_id uuid NOT NULL,
        ${figures},
        PRIMARY KEY (tenant_id, store_id, day, product_id)
      )`);
    await queryRunner.query(`CREATE INDEX analytics_daily_product_day_idx ON analytics_daily_product (tenant_id, day)`);
    await queryRunner.query(`
      CREATE TABLE analytics_hourly_store (
        tenant_id uuid NOT NULL,
        store_id uuid NOT NULL,
        day date NOT NULL,
        hour smallint NOT NULL CHECK (hour BETWEEN 0 AND 23),
        ${figures},
        PRIMARY KEY (tenant_id, store_id, day, hour)
      )`);
    await queryRunner.query(`CREATE INDEX analytics_hourly_store_day_idx ON analytics_hourly_store (tenant_id, day)`);
    await queryRunner.query(`
      CREATE TABLE analytics_basket_pair (
        tenant_id uuid NOT NULL,
        store_id uuid NOT NULL,
        day date NOT NULL,
        product_a uuid NOT NULL,
        product_b uuid NOT NULL,
        baskets integer NOT NULL,
        PRIMARY KEY (tenant_id, store_id, day, product_a, product_b),
        CHECK (product_a < product_b)
      )`);
    await queryRunner.query(`CREATE INDEX analytics_basket_pair_day_idx ON analytics_basket_pair (tenant_id, day)`);
    await queryRunner.query(`
      CREATE TABLE analytics_customer_day (
        tenant_id uuid NOT NULL,
        store_id uuid NOT NULL,
        day date NOT NULL,
        customer_id uuid NOT NULL,
        orders integer NOT NULL,
        revenue_minor bigint NOT NULL,
        PRIMARY KEY (tenant_id, store_id, day, customer_id)
      )`);
    await queryRunner.query(`CREATE INDEX analytics_customer_day_customer_idx ON analytics_customer_day (tenant_id, customer_id)`);
    for (const table of ROLLUP_TABLES) {
      for (const statement of tenantIsolationSql(table)) await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...ROLLUP_TABLES].reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
