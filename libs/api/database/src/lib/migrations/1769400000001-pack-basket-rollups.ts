import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

const TABLES = ['analytics_product_key', 'analytics_basket_pack'];

// As AnalyticsRollupsService writes them at this version (decision 0049), so that no rebuild is needed at deploy.
const width = (largest: string) => `CASE WHEN ${largest} < 256 THEN 1 WHEN ${largest} < 65536 THEN 2 WHEN ${largest} < 16777216 THEN 3 ELSE 4 END`;
const pack = (fields: string[], order: string) =>
  `set_byte('\\x00'::bytea, 0, w) || string_agg(${fields.map((field) => `substring(int8send(${field}::bigint) FROM 9 - w)`).join(' || ')}, ''::bytea ORDER BY ${order})`;
const packs = (span: 'day' | 'month', rows: string) => {
  const first = span === 'day' ? 'day' : `date_trunc('month', day)::date`;
  return `
    WITH hours AS (
      SELECT store_id, ${first} AS first_day, sum(transactions)::bigint AS baskets FROM analytics_hourly_store WHERE ${rows} GROUP BY 1, 2
    ), products AS (
      SELECT store_id, first_day, ${pack(['key', 'count'], 'key')} AS pack FROM (
        SELECT *, ${width('max(greatest(key, count)) OVER (PARTITION BY store_id, first_day)')} AS w FROM (
          SELECT store_id, ${first} AS first_day, k.key, sum(transactions) AS count
            FROM analytics_daily_product d JOIN analytics_product_key k ON k.tenant_id = d.tenant_id AND k.product_id = d.product_id
           WHERE ${rows} AND transactions <> 0 GROUP BY 1, 2, 3
        ) summed
      ) entries GROUP BY store_id, first_day, w
    ), pairs AS (
      SELECT store_id, first_day, ${pack(['key_a', 'key_b', 'count'], 'key_a, key_b')} AS pack FROM (
        SELECT *, ${width('max(greatest(key_a, key_b, count)) OVER (PARTITION BY store_id, first_day)')} AS w FROM (
          SELECT store_id, ${first} AS first_day, a.key AS key_a, b.key AS key_b, sum(baskets) AS count
            FROM analytics_basket_pair p
            JOIN analytics_product_key a ON a.tenant_id = p.tenant_id AND a.product_id = p.product_a
            JOIN analytics_product_key b ON b.tenant_id = p.tenant_id AND b.product_id = p.product_b
           WHERE ${rows} GROUP BY 1, 2, 3, 4
        ) summed
      ) entries GROUP BY store_id, first_day, w
    )
    SELECT current_setting('app.tenant_id')::uuid, store_id, first_day, ${span === 'day' ? 'first_day' : `(first_day + interval '1 month - 1 day')::date`},
           coalesce(hours.baskets, 0), coalesce(products.pack, ''::bytea), coalesce(pairs.pack, ''::bytea)
      FROM hours FULL JOIN products USING (store_id, first_day) FULL JOIN pairs USING (store_id, first_day)`;
};
const INSERT_PACKS = `INSERT INTO analytics_basket_pack (tenant_id, store_id, first_day, last_day, baskets, products, pairs)`;

/**
 * Basket packs (issue 29, decision 0049): a store's basket counts per local day and per calendar month (the months
 * before its latest) in one row each, with products as small integer keys, for the basket report to sum a period's pairs
 * in the API instead of as rows in the database.
 */
export class PackBasketRollups1769400000001 implements MigrationInterface {
  name = 'PackBasketRollups1769400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE analytics_product_key (
        tenant_id uuid NOT NULL,
        product_id uuid NOT NULL,
        key integer NOT NULL CHECK (key > 0),
        PRIMARY KEY (tenant_id, product_id),
        UNIQUE (tenant_id, key)
      )`);
    // One local day (first_day = last_day) or one calendar month. Numbers as in libs/api/analytics basket-packs.ts.
    await queryRunner.query(`
      CREATE TABLE analytics_basket_pack (
        tenant_id uuid NOT NULL,
        store_id uuid NOT NULL,
        first_day date NOT NULL,
        last_day date NOT NULL,
        baskets integer NOT NULL,
        products bytea NOT NULL,
        pairs bytea NOT NULL,
        PRIMARY KEY (tenant_id, store_id, first_day, last_day),
        CHECK (last_day = first_day OR (extract(day FROM first_day) = 1 AND last_day = (first_day + interval '1 month - 1 day')::date))
      )`);
    await queryRunner.query(`CREATE INDEX analytics_basket_pack_day_idx ON analytics_basket_pack (tenant_id, first_day)`);
    for (const table of TABLES) {
      for (const statement of tenantIsolationSql(table)) await queryRunner.query(statement);
    }
    // Tenant by tenant, as the owner may be subject to row-level security (see CreateRegisters).
    const tenants: { tenantId: string }[] = await queryRunner.query(`SELECT tenant_id AS "tenantId" FROM tenant_directory`);
    for (const { tenantId } of tenants) {
      await queryRunner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      await queryRunner.query(
        `INSERT INTO analytics_product_key (tenant_id, product_id, key)
         SELECT $1, product_id, row_number() OVER (ORDER BY product_id) FROM (SELECT DISTINCT product_id FROM analytics_daily_product WHERE tenant_id = $1) sold`,
        [tenantId],
      );
      await queryRunner.query(`${INSERT_PACKS} ${packs('day', 'true')}`);
      const months: { storeId: string; month: string }[] = await queryRunner.query(
        `SELECT store_id AS "storeId", to_char(month, 'YYYY-MM-DD') AS month FROM (
           SELECT DISTINCT store_id, date_trunc('month', first_day)::date AS month,
                  date_trunc('month', max(first_day) OVER (PARTITION BY store_id))::date AS latest
             FROM analytics_basket_pack WHERE tenant_id = $1
         ) m WHERE month < latest`,
        [tenantId],
      );
      for (const { storeId, month } of months) {
        await queryRunner.query(
          `${INSERT_PACKS} ${packs('month', `store_id = $1 AND day BETWEEN $2 AND (date_trunc('month', $2::date) + interval '1 month - 1 day')::date`)}`,
          [storeId, month],
        );
      }
    }
    await queryRunner.query(`SELECT set_config('app.tenant_id', '', true)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
