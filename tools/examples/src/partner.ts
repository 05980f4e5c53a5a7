// A partner integration in a few lines, using the typed client generated from the API's OpenAPI
// document: authenticate with an API key (`kas_…`, created by a shop owner) and read the catalog.
// Webhook registration and delivery checks join this example when the webhooks API lands.
//
//   KASSA_API_URL=http://localhost:3000 KASSA_API_KEY=kas_… npm run example:partner -- "tea"
import { createApiClient } from '@kassa/api-client';
import type { ProblemDetails } from '@kassa/contracts';

async function main(): Promise<number> {
  const apiKey = process.env['KASSA_API_KEY'];
  if (!apiKey) {
    console.error('Set KASSA_API_KEY to an API key with the catalog:read permission.');
    return 2;
  }
  const kassa = createApiClient({ baseUrl: process.env['KASSA_API_URL'] ?? 'http://127.0.0.1:3000', credential: () => apiKey });
  const search = process.argv[2];

  const { data, error, response } = await kassa.http.GET('/api/v1/products', { params: { query: search ? { q: search } : {} } });
  if (!data) {
    // Errors are problem+json (docs/api.md); the OpenAPI document does not describe error bodies yet.
    const problem = error as ProblemDetails | undefined;
    console.error(`Listing products failed with ${response.status}: ${problem?.code ?? 'no problem document'}`);
    return 1;
  }
  console.log(`${data.items.length} product(s)${search ? ` matching "${search}"` : ''}:`);
  for (const product of data.items) console.log(`  ${product.sku}\t${product.name}\t${product.priceMinor} (minor units)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
