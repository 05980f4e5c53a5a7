import { uuidv7 } from '@kassa/contracts';
import { createTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from '@kassa/testing';
import { Client } from 'pg';
import { BIG_SHOP_TEMPLATE_VARIABLE } from './big-shop-template';
import { seededShopAccount, seedShop } from './seeded-shop';
import type { ShopAccount } from './shop-accounts';

/**
 * The shop of issue 24's acceptance: 100,000 products (tools/seed's generator, seed 42: names begin with a quality
 * word, Classic … Wholegrain, so a product named from A or B sorts before every one of them), its 7 categories, one
 * store, "Main Street", holding every product above its reorder point. Built once per run into a template database;
 * each suite that uses it gets a copy of its own.
 */
export const BIG_SHOP_PRODUCTS = 100_000;
export const BIG_SHOP_STORE = 'Main Street';
export const bigShopOwner: ShopAccount = seededShopAccount('bigshop');

/**
 * A database of its own holding the big shop. The first suite to ask builds the run's template (migrations, the
 * seed, the stock) under an advisory lock the others wait on; each then copies it with CREATE DATABASE … TEMPLATE.
 */
export async function bigShopDatabase(): Promise<TestDatabase> {
  const template = process.env[BIG_SHOP_TEMPLATE_VARIABLE];
  if (!template) throw new Error(`${BIG_SHOP_TEMPLATE_VARIABLE} is unset: run the browser suites with apps/web-e2e/jest.config.ts (its globalSetup names it)`);
  const admin = new Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (!rowCount) await buildTemplate(template);
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
  } finally {
    await admin.end();
  }
  return createTestDatabase(template);
}

/** Seeds a draft database and renames it to `template` only when complete, so a half-built one is never copied. */
async function buildTemplate(template: string): Promise<void> {
  const draft = await createTestDatabase();
  try {
    await seedShop(draft.url, bigShopOwner.slug, { products: BIG_SHOP_PRODUCTS, stores: 1, customers: 0, days: 0, salesPerDay: 0, seed: 42 });
    await stockEveryProduct(draft.url);
    const admin = new Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${draft.name} RENAME TO ${template}`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await draft.drop();
    throw error;
  }
}

/**
 * Every product in the shop's one store, a little above its reorder point, each from a ledger row (an opening
 * count), so on hand is the ledger's sum as everywhere else. Set-based: two statements, not 100,000 requests.
 */
async function stockEveryProduct(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const {
      rows: [store],
    } = await client.query<{ tenantId: string; id: string }>(`SELECT tenant_id AS "tenantId", id FROM store`);
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [store.tenantId]);
    const ids = (count: number) => Array.from({ length: count }, () => uuidv7());
    await client.query(
      `INSERT INTO stock_level (tenant_id, id, store_id, product_id, on_hand)
       SELECT p.tenant_id, i.id, $1, p.id, coalesce(p.reorder_point, 0) + 1 + p.n % 40
         FROM (SELECT tenant_id, id, reorder_point, row_number() OVER (ORDER BY id) AS n FROM product WHERE deleted_at IS NULL) p
         JOIN unnest($2::uuid[]) WITH ORDINALITY AS i(id, n) ON i.n = p.n`,
      [store.id, ids(BIG_SHOP_PRODUCTS)],
    );
    await client.query(
      `INSERT INTO stock_ledger (tenant_id, id, store_id, product_id, delta, on_hand_after, reason, actor_type, note, request_id)
       SELECT l.tenant_id, i.id, l.store_id, l.product_id, l.on_hand, l.on_hand, 'count', 'system', 'Opening stock', 'web-e2e-big-shop'
         FROM (SELECT tenant_id, store_id, product_id, on_hand, row_number() OVER (ORDER BY product_id) AS n FROM stock_level) l
         JOIN unnest($1::uuid[]) WITH ORDINALITY AS i(id, n) ON i.n = l.n`,
      [ids(BIG_SHOP_PRODUCTS)],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE stock_level, stock_ledger');
  } finally {
    await client.end();
  }
}
