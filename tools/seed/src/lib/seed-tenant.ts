import type { INestApplicationContext } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { AuditLog } from '@kassa/api/audit';
import { AuthService } from '@kassa/api/auth';
import { DATABASE_ENDPOINT, DatabaseEndpoint, TenantTransaction } from '@kassa/api/database';
import { insertApiRegister } from '@kassa/api/tenancy';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { demoCategories, generateProducts } from './catalog-generator';

export interface SeedOptions {
  slug: string;
  products: number;
  stores: number;
  seed: number;
}

export interface DemoLogin {
  tenant: string;
  email: string;
  password: string;
}

export interface SeedResult {
  created: boolean;
  tenantId: string;
  login: DemoLogin;
  productCount: number;
}

const CHUNK = 5000;

export function demoLogin(slug: string): DemoLogin {
  return { tenant: slug, email: `owner@${slug}.kassa.test`, password: 'kassa-demo-password' };
}

/** Multi-row inserts from parallel arrays (COPY is refused under forced row-level security). */
async function insertProducts(manager: EntityManager, tenantId: string, categoryIds: Map<string, string>, options: SeedOptions) {
  const products = generateProducts(options.products, options.seed);
  for (let start = 0; start < products.length; start += CHUNK) {
    const chunk = products.slice(start, start + CHUNK);
    const ids = chunk.map(() => uuidv7());
    await manager.query(
      `INSERT INTO product (tenant_id, id, sku, name, category_id, price_minor, cost_minor, tax_rate_bps, reorder_point, reorder_quantity)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::bigint[], $7::bigint[], $8::int[], $9::int[], $10::int[])`,
      [
        tenantId,
        ids,
        chunk.map((product) => product.sku),
        chunk.map((product) => product.name),
        chunk.map((product) => categoryIds.get(product.categoryKey)),
        chunk.map((product) => product.priceMinor),
        chunk.map((product) => product.costMinor),
        chunk.map((product) => product.taxRateBps),
        chunk.map((product) => product.reorderPoint),
        chunk.map((product) => product.reorderQuantity),
      ],
    );
    await manager.query(`INSERT INTO product_barcode (tenant_id, code, product_id) SELECT $1, * FROM unnest($2::text[], $3::uuid[])`, [
      tenantId,
      chunk.map((product) => product.barcode),
      ids,
    ]);
  }
  return products.length;
}

/**
 * A realistic demo shop: owner, stores, categories and products with barcodes, the same for the
 * same seed. Signs up through the real sign-up; bulk rows are one audited import, without events.
 */
export async function seedTenant(app: INestApplicationContext, options: SeedOptions): Promise<SeedResult> {
  const login = demoLogin(options.slug);
  const [existing]: { tenantId: string }[] = await app
    .get(DataSource)
    .query(`SELECT tenant_id AS "tenantId" FROM tenant_directory WHERE slug = $1`, [options.slug]);
  if (existing) return { created: false, tenantId: existing.tenantId, login, productCount: 0 };

  const signedUp = await app.get(AuthService).signup(
    {
      tenantName: `${options.slug[0].toUpperCase()}${options.slug.slice(1)} Market`,
      slug: options.slug,
      ownerName: 'Demo Owner',
      email: login.email,
      password: login.password,
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      pricesIncludeTax: true,
    },
    { requestId: `seed-${uuidv7()}`, ip: '127.0.0.1', userAgent: 'kassa-seed' },
  );
  const tenantId = signedUp.tenant.id;
  const productCount = await app.get(TenantTransaction).run(tenantId, async (manager) => {
    for (let index = 1; index <= options.stores; index++) {
      const storeId = uuidv7();
      await manager.query(`INSERT INTO store (tenant_id, id, name, code) VALUES ($1, $2, $3, $4)`, [
        tenantId,
        storeId,
        index === 1 ? 'Main Street' : `Branch ${index}`,
        `S${index}`,
      ]);
      await insertApiRegister(manager, tenantId, storeId);
    }
    const categoryIds = new Map<string, string>();
    for (const category of demoCategories) {
      const id = uuidv7();
      categoryIds.set(category.key, id);
      await manager.query(`INSERT INTO category (tenant_id, id, name) VALUES ($1, $2, $3)`, [tenantId, id, category.name]);
    }
    const count = await insertProducts(manager, tenantId, categoryIds, options);
    await app.get(AuditLog).record(
      { manager, tenantId, actor: { type: 'system' }, requestId: 'seed' },
      { action: 'import', entityType: 'product', metadata: { source: 'tools/seed', products: count, stores: options.stores, seed: options.seed } },
    );
    return count;
  });
  await refreshPlannerStatistics(app.get<DatabaseEndpoint>(DATABASE_ENDPOINT));
  return { created: true, tenantId, login, productCount };
}

/**
 * After a bulk load the planner knows nothing of the new rows until autovacuum comes by, and picks
 * plans fit for empty tables (seconds per search at 100,000 products). Only the owner may ANALYZE.
 * The embedded database is small and shares one session with the app role, so it is left alone.
 */
async function refreshPlannerStatistics(endpoint: DatabaseEndpoint): Promise<void> {
  if (endpoint.embedded) return;
  const owner = new Client({ connectionString: endpoint.url });
  await owner.connect();
  try {
    await owner.query('ANALYZE category, product, product_barcode');
  } finally {
    await owner.end();
  }
}
