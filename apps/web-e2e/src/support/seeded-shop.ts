import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ShopAccount } from './shop-accounts';

const BUILT_SEED = path.resolve(__dirname, '../../../../dist/tools/seed/tools/seed/src/seed.js');

export interface SeedHistory {
  days: number;
  salesPerDay: number;
  products: number;
  stores: number;
  customers: number;
  seed: number;
}

/**
 * A shop with a sales history, made by the built seed (`npm run seed`, tools/seed) on the suite's database:
 * owner login, stores, catalog, customers and `days` of sales ending yesterday, rollups rebuilt.
 */
export async function seedShop(databaseUrl: string, slug: string, history: SeedHistory): Promise<ShopAccount> {
  if (!existsSync(BUILT_SEED)) throw new Error(`${BUILT_SEED} is missing: build first (npm test does: nx run-many -t build)`);
  const args = Object.entries({ tenant: slug, ...history, 'sales-per-day': history.salesPerDay }).flatMap(([name, value]) =>
    name === 'salesPerDay' ? [] : [`--${name}`, String(value)],
  );
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT_SEED, ...args], {
      env: {
        PATH: process.env['PATH'],
        HOME: process.env['HOME'],
        DATABASE_URL: databaseUrl,
        KASSA_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kassa-seed-')),
        LOG_LEVEL: 'warn',
      },
    });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`the seed exited with ${code}:\n${text}`))));
  });
  if (!output.includes(`Seeded shop "${slug}"`)) throw new Error(`the seed did not seed ${slug}:\n${output}`);
  return seededShopAccount(slug);
}

/** How the seed names the shop `slug` and its owner. */
export function seededShopAccount(slug: string): ShopAccount {
  return {
    slug,
    shopName: `${slug[0].toUpperCase()}${slug.slice(1)} Market`,
    ownerName: 'Demo Owner',
    email: `owner@${slug}.kassa.test`,
    password: 'kassa-demo-password',
  };
}
