import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Where the run's name for the 100,000-product shop's template database travels to the suites (big-shop.ts). */
export const BIG_SHOP_TEMPLATE_VARIABLE = 'KASSA_TEST_BIG_SHOP_TEMPLATE';

// As @kassa/testing's TEST_POSTGRES_URL: Jest loads globalSetup and globalTeardown without the path aliases.
const ADMIN_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * globalSetup: names this run's template. Nothing is built yet: the first suite that needs the shop builds it,
 * so a run without such a suite pays nothing. Unique per run, so parallel runs and checkouts on one PostgreSQL
 * never share or drop each other's.
 */
export function nameBigShopTemplate(): void {
  process.env[BIG_SHOP_TEMPLATE_VARIABLE] = `kassa_bigshop_${randomBytes(8).toString('hex')}`;
}

/** globalTeardown: drops the run's template if a suite built it. */
export async function dropBigShopTemplate(): Promise<void> {
  const template = process.env[BIG_SHOP_TEMPLATE_VARIABLE];
  if (!template) return;
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
