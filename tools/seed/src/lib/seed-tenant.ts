import type { INestApplicationContext } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { AuditLog } from '@kassa/api/audit';
import { AuthService } from '@kassa/api/auth';
import { DATABASE_ENDPOINT, DatabaseEndpoint, TenantTransaction } from '@kassa/api/database';
import { insertApiRegister } from '@kassa/api/tenancy';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { demoCategories, generateProducts, type GeneratedProduct } from './catalog-generator';
import { generateCustomers, type GeneratedCustomer } from './customer-generator';
import { API_REGISTER_NAME, generateSalesHistory, localDate, POS_REGISTER_NAMES, type SalesHistory } from './sales-history-generator';
import { insertSalesHistory } from './sales-history-writer';
import { rebuildAnalytics } from './rebuild-analytics';

export interface SeedOptions {
  slug: string;
  products: number;
  stores: number;
  seed: number;
  /** 0 when left out, as are `days` and `salesPerDay` (the CLI has its own defaults). */
  customers?: number;
  /** Days of sales history, ending yesterday in the shop's time zone. */
  days?: number;
  /** Average sales a day over the history, all stores together. */
  salesPerDay?: number;
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
  customerCount: number;
  saleCount: number;
  saleLineCount: number;
  days: number;
}

const CHUNK = 5000;

export function demoLogin(slug: string): DemoLogin {
  return { tenant: slug, email: `owner@${slug}.kassa.test`, password: 'kassa-demo-password' };
}

/** Multi-row inserts from parallel arrays (COPY is refused under forced row-level security). */
async function insertProducts(manager: EntityManager, tenantId: string, categoryIds: Map<string, string>, products: GeneratedProduct[]): Promise<string[]> {
  const productIds = products.map(() => uuidv7());
  for (let start = 0; start < products.length; start += CHUNK) {
    const chunk = products.slice(start, start + CHUNK);
    const ids = productIds.slice(start, start + CHUNK);
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
  return productIds;
}

/** Customers who came before the period were created then; the others when they first came. */
async function insertCustomers(manager: EntityManager, tenantId: string, customers: GeneratedCustomer[], since: number[]): Promise<string[]> {
  const customerIds = customers.map(() => uuidv7());
  for (let start = 0; start < customers.length; start += CHUNK) {
    const chunk = customers.slice(start, start + CHUNK);
    const createdAt = since.slice(start, start + CHUNK).map((at) => new Date(at).toISOString());
    await manager.query(
      `INSERT INTO customer (tenant_id, id, name, email, phone, tags, marketing_consent, created_at, updated_at)
       SELECT $1, c.id, c.name, c.email, c.phone, coalesce(string_to_array(nullif(c.tags, ''), ','), '{}'), c.consent, c.created_at, c.created_at
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::timestamptz[])
           AS c(id, name, email, phone, tags, consent, created_at)`,
      [
        tenantId,
        customerIds.slice(start, start + CHUNK),
        chunk.map((customer) => customer.name),
        chunk.map((customer) => customer.email),
        chunk.map((customer) => customer.phone),
        // Arrays of arrays must not be ragged in PostgreSQL: each customer's tags travel comma-joined.
        chunk.map((customer) => customer.tags.join(',')),
        chunk.map((customer) => customer.marketingConsent),
        createdAt,
      ],
    );
  }
  return customerIds;
}

/** The store's api register (made with the store) and two tills, by `${storeIndex}/${name}`. */
async function insertRegisters(manager: EntityManager, tenantId: string, storeIds: string[]): Promise<Map<string, string>> {
  const registerIds = new Map<string, string>();
  for (const [storeIndex, storeId] of storeIds.entries()) {
    for (const name of POS_REGISTER_NAMES) {
      const id = uuidv7();
      await manager.query(`INSERT INTO register (tenant_id, id, store_id, name, kind) VALUES ($1, $2, $3, $4, 'pos')`, [tenantId, id, storeId, name]);
      registerIds.set(`${storeIndex}/${name}`, id);
    }
    const [api]: { id: string }[] = await manager.query(`SELECT id FROM register WHERE store_id = $1 AND kind = 'api'`, [storeId]);
    registerIds.set(`${storeIndex}/${API_REGISTER_NAME}`, api.id);
  }
  return registerIds;
}

/**
 * A realistic demo shop: owner, stores with their registers, categories, products with barcodes,
 * customers and a sales history, the same for the same seed. Signs up through the real sign-up;
 * bulk rows are one audited import, without events.
 */
export async function seedTenant(app: INestApplicationContext, options: SeedOptions): Promise<SeedResult> {
  const login = demoLogin(options.slug);
  const days = options.days ?? 0;
  const [existing]: { tenantId: string }[] = await app
    .get(DataSource)
    .query(`SELECT tenant_id AS "tenantId" FROM tenant_directory WHERE slug = $1`, [options.slug]);
  if (existing) return { created: false, tenantId: existing.tenantId, login, productCount: 0, customerCount: 0, saleCount: 0, saleLineCount: 0, days };

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
  const { tenant } = signedUp;
  const tenantId = tenant.id;
  const products = generateProducts(options.products, options.seed);
  const customers = generateCustomers(options.customers ?? 0, options.seed);
  const history: SalesHistory = generateSalesHistory({
    seed: options.seed,
    days,
    salesPerDay: options.salesPerDay ?? 0,
    endDate: localDate(tenant.timeZone, Date.now()),
    timeZone: tenant.timeZone,
    pricesIncludeTax: tenant.pricesIncludeTax,
    stores: options.stores,
    products,
    customers,
  });
  const saleLineCount = await app.get(TenantTransaction).run(tenantId, async (manager) => {
    const storeIds: string[] = [];
    for (let index = 1; index <= options.stores; index++) {
      const storeId = uuidv7();
      await manager.query(`INSERT INTO store (tenant_id, id, name, code) VALUES ($1, $2, $3, $4)`, [
        tenantId,
        storeId,
        index === 1 ? 'Main Street' : `Branch ${index}`,
        `S${index}`,
      ]);
      await insertApiRegister(manager, tenantId, storeId);
      storeIds.push(storeId);
    }
    const registerIds = await insertRegisters(manager, tenantId, storeIds);
    const categoryIds = new Map<string, string>();
    for (const category of demoCategories) {
      const id = uuidv7();
      categoryIds.set(category.key, id);
      await manager.query(`INSERT INTO category (tenant_id, id, name) VALUES ($1, $2, $3)`, [tenantId, id, category.name]);
    }
    const productIds = await insertProducts(manager, tenantId, categoryIds, products);
    const customerIds = await insertCustomers(manager, tenantId, customers, history.customerSince);
    const { lines } = await insertSalesHistory(
      manager,
      {
        tenantId,
        actorUserId: signedUp.user.id,
        currency: tenant.currency,
        pricesIncludeTax: tenant.pricesIncludeTax,
        storeIds,
        registerIds,
        products: products.map((product, index) => ({ id: productIds[index], sku: product.sku, name: product.name, costMinor: product.costMinor })),
        customerIds,
      },
      history,
    );
    await app.get(AuditLog).record(
      { manager, tenantId, actor: { type: 'system' }, requestId: 'seed' },
      {
        action: 'import',
        entityType: 'product',
        metadata: {
          source: 'tools/seed',
          products: products.length,
          stores: options.stores,
          customers: customers.length,
          days,
          sales: history.sales.length,
          seed: options.seed,
        },
      },
    );
    return lines;
  });
  const endpoint = app.get<DatabaseEndpoint>(DATABASE_ENDPOINT);
  await refreshPlannerStatistics(endpoint, SEEDED_TABLES);
  // The history wrote no events, so the rollup consumer never saw it: compute the rollups from it now.
  await rebuildAnalytics(app, tenantId);
  await refreshPlannerStatistics(endpoint, ROLLUP_TABLES);
  return {
    created: true,
    tenantId,
    login,
    productCount: products.length,
    customerCount: customers.length,
    saleCount: history.sales.length,
    saleLineCount,
    days,
  };
}

const SEEDED_TABLES = ['category', 'product', 'product_barcode', 'customer', 'register', 'sale', 'sale_line', 'sale_tender'];
const ROLLUP_TABLES = [
  'analytics_daily_product',
  'analytics_hourly_store',
  'analytics_basket_pair',
  'analytics_customer_day',
  'analytics_monthly_product',
  'analytics_customer_total',
  'analytics_product_key',
  'analytics_basket_pack',
];

/**
 * After a bulk load the planner knows nothing of the new rows until autovacuum comes by, and picks
 * plans fit for empty tables (seconds per search at 100,000 products). Only the owner may ANALYZE.
 * The embedded database is small and shares one session with the app role, so it is left alone.
 */
async function refreshPlannerStatistics(endpoint: DatabaseEndpoint, tables: readonly string[]): Promise<void> {
  if (endpoint.embedded) return;
  const owner = new Client({ connectionString: endpoint.url });
  await owner.connect();
  try {
    await owner.query(`ANALYZE ${tables.join(', ')}`);
  } finally {
    await owner.end();
  }
}
