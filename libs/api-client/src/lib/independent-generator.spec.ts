import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const DOCUMENT = path.join(__dirname, 'generated/openapi.json');

/**
 * What a partner writes with a client from another generator: list products, record a sale, switch on the `code` of
 * a 409, and read events by their `type`. It type-checks only if the document types inputs, outputs, each status'
 * problem codes and each event type's data.
 */
const PARTNER_SCRIPT = `
import { createClient } from './client';
import { createSale, listEvents, listProducts } from './sdk.gen';
import type { CreateSaleErrors } from './types.gen';

const client = createClient({ baseUrl: 'https://api.kassa.test', headers: { authorization: 'Bearer kas_example' } });

export async function sellTheFirstProduct(storeId: string, registerId: string): Promise<string> {
  const products = await listProducts({ client, query: { limit: 10 } });
  const product = products.data?.items[0];
  if (!product) return 'no products';
  const priceMinor: number = product.priceMinor;
  const sale = await createSale({
    client,
    body: {
      id: '0190a6f2-7c1e-7000-8000-000000000001',
      storeId,
      registerId,
      receiptNumber: 1,
      lines: [{ productId: product.id, quantity: 1 }],
      tenders: [{ type: 'cash', amountMinor: priceMinor }],
    },
  });
  if (sale.data) return sale.data.id;
  if (sale.response.status === 409) {
    const problem = sale.error as CreateSaleErrors[409];
    const code: 'sale_exists' | 'receipt_number_taken' | CreateSaleErrors[409]['code'] = problem.code;
    // @ts-expect-error sku_taken is not a code createSale answers with 409
    const impossible: CreateSaleErrors[409]['code'] = 'sku_taken';
    return code + impossible + (problem.detail ?? '');
  }
  return 'failed';
}

export async function takingsSince(after: number): Promise<number> {
  const page = await listEvents({ client, query: { after } });
  let takingsMinor = 0;
  for (const event of page.data?.items ?? []) {
    if (event.type === 'sale.created') takingsMinor += event.data.totalMinor;
    else if (event.type === 'sale.refunded') takingsMinor -= event.data.totalMinor;
    // @ts-expect-error a stock.adjusted event's data has no totalMinor
    else if (event.type === 'stock.adjusted') takingsMinor += event.data.totalMinor;
  }
  return takingsMinor;
}
`;

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

describe('The OpenAPI document with an independent generator (@hey-api/openapi-ts)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kassa-hey-api-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a client in which listing products, recording a sale, reading a typed 409 code and narrowing an event by type type-check', () => {
    const output = path.join(dir, 'client');
    run(path.join(root, 'node_modules/.bin/openapi-ts'), ['-i', DOCUMENT, '-o', output], root);
    writeFileSync(path.join(output, 'partner.ts'), PARTNER_SCRIPT);
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module: 'esnext',
          moduleResolution: 'bundler',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          lib: ['es2023', 'dom', 'dom.iterable'],
        },
        include: ['client/**/*.ts'],
      }),
    );
    run(path.join(root, 'node_modules/.bin/tsc'), ['-p', path.join(dir, 'tsconfig.json')], dir);
  });
});
