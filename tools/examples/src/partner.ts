// A partner integration in a few lines with @kassa/sdk: authenticate with an API key (`kas_…`, created by a shop
// owner), read the catalog page after page, and tell errors apart by their `code`. docs/partners.md goes on to
// webhooks and catching up through the events API.
//
//   KASSA_API_URL=http://localhost:3000 KASSA_API_KEY=kas_… npm run example:partner -- "tea"
import { createKassa, KassaApiError } from '@kassa/sdk';

async function main(): Promise<number> {
  const apiKey = process.env['KASSA_API_KEY'];
  if (!apiKey) {
    console.error('Set KASSA_API_KEY to an API key with the catalog:read permission.');
    return 2;
  }
  const kassa = createKassa({ baseUrl: process.env['KASSA_API_URL'] ?? 'http://127.0.0.1:3000', apiKey });
  const search = process.argv[2];

  try {
    const products = [];
    for await (const product of kassa.products.list(search ? { q: search } : {})) products.push(product);
    console.log(`${products.length} product(s)${search ? ` matching "${search}"` : ''}:`);
    for (const product of products) console.log(`  ${product.sku}\t${product.name}\t${product.priceMinor} (minor units)`);
    return 0;
  } catch (error) {
    if (!(error instanceof KassaApiError)) throw error;
    console.error(`Listing products failed with ${error.status}: ${error.code}`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
