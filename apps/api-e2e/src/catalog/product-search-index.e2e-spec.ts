import { productSearchQuery, type ProductQuery } from '@kassa/api/catalog';
import { APP_ROLE } from '@kassa/api/database';
import { Client } from 'pg';
import { createTenant, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

const QUALITIES = ['Organic', 'Fresh', 'Classic', 'Premium', 'Local', 'Fairtrade', 'Family', 'Light', 'Wholegrain', 'Smoked'];
const GOODS = [
  'Bananas',
  'Apples',
  'Pears',
  'Tomatoes',
  'Carrots',
  'Potatoes',
  'Onions',
  'Lemons',
  'Milk',
  'Yoghurt',
  'Butter',
  'Gouda',
  'Cheddar',
  'Cream',
  'Rye Bread',
  'Baguette',
  'Croissants',
  'Pretzels',
  'Sourdough',
  'Sparkling Water',
  'Orange Juice',
  'Cola',
  'Lemonade',
  'Green Tea',
  'Pasta',
  'Rice',
  'Flour',
  'Olive Oil',
  'Lentils',
  'Peanut Butter',
  'Dish Soap',
  'Laundry Detergent',
  'Candles',
  'Crisps',
  'Chocolate',
  'Popcorn',
];
const SIZES = ['100 g', '250 g', '500 g', '1 kg', '330 ml', '500 ml', '1 L', '6 pack', '12 pack', 'large', 'small'];

// How much of the name index a search reads (decision 0046): an inner page of the GiST index sums up the trigrams of
// every name below it in one signature, and a search skips the pages whose signature cannot hold enough of the
// term's trigrams. Buffer counts are exact and do not depend on the machine's speed.
describe('product search index', () => {
  let api: TestApi;
  let shop: TenantFixture;

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Grocer');
    // A catalog's worth of names from a grocer's vocabulary, inserted as the owner (no events needed here).
    await ownerQuery(
      api,
      `INSERT INTO product (tenant_id, id, sku, name, price_minor)
       SELECT $1, gen_random_uuid(), 'P-' || i,
              ($2::text[])[1 + i % 10] || ' ' || ($3::text[])[1 + (i * 7) % cardinality($3::text[])] || ' ' || ($4::text[])[1 + (i * 13) % 11], 100
         FROM generate_series(1, 4000) i`,
      [shop.id, QUALITIES, GOODS, SIZES],
    );
    await ownerQuery(api, 'ANALYZE product');
  });
  afterAll(() => api.close());

  /** Index pages of `product_name_key_gist_idx` the search read, run as the API runs it (app role, forced RLS). */
  async function indexPagesRead(query: ProductQuery): Promise<number> {
    const client = new Client({ connectionString: api.database.url, options: `-c role=${APP_ROLE}` });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [shop.id]);
      // Once unmeasured: a session's first run also counts the catalog pages it reads to look up the operators.
      await client.query(query.sql, query.parameters);
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.sql}`, query.parameters);
      await client.query('COMMIT');
      type PlanNode = { 'Index Name'?: string; 'Node Type': string; 'Shared Hit Blocks': number; 'Shared Read Blocks': number; Plans?: PlanNode[] };
      const root: { Plan: PlanNode } = rows[0]['QUERY PLAN'][0];
      let read = 0;
      const walk = (node: PlanNode) => {
        if (node['Index Name'] === 'product_name_key_gist_idx') read += node['Shared Hit Blocks'] + node['Shared Read Blocks'];
        node.Plans?.forEach(walk);
      };
      walk(root.Plan);
      return read;
    } finally {
      await client.end();
    }
  }

  it('reads a few pages of the name index for a term no name is near, not all of them', async () => {
    const [{ pages }] = await ownerQuery<{ pages: number }>(api, `SELECT relpages AS pages FROM pg_class WHERE relname = 'product_name_key_gist_idx'`);
    expect(pages).toBeGreaterThan(40);
    const read = await indexPagesRead(productSearchQuery('zanzibar', {}, 51));
    // With pg_trgm's default 12-byte signatures every inner page "may" hold any trigram: this read all of them.
    expect(read).toBeLessThan(pages / 10);
  });
});
