import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { readImportRows } from '@kassa/spreadsheet-core';
import { readSpreadsheet } from '@kassa/spreadsheet-core/read';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

const FIXTURES = join(__dirname, '../../../../libs/spreadsheet-core/fixtures');

/** A product as the API stores it, in the fields the corpus speaks about (category by its path). */
interface Stored {
  sku: string;
  name: string;
  priceMinor: number;
  costMinor?: number | null;
  barcodes?: string[];
  active?: boolean;
  category?: string | null;
}

interface CorpusFile {
  file: string;
  locale: string;
  currency: string;
  /** What the shop's catalog holds after the import, exactly. */
  stored?: Stored[];
  /** Or the row errors (with the file's line) that refuse it, nothing stored. */
  errors?: { row: number; line: number; field: string }[];
}

const accented: Stored[] = [
  { sku: 'CAF-1', name: 'Café Müller € – Tasse', priceMinor: 450 },
  { sku: 'CAF-2', name: 'Crème brûlée, groß', priceMinor: 320 },
];
const workbook: Stored[] = [
  { sku: '00123', name: 'Numeric SKU', priceMinor: 250, barcodes: ['TXT-0001'] },
  { sku: 'TEA-1', name: 'Green tea', priceMinor: 350, barcodes: ['012345678905'] },
  { sku: 'TEA-2', name: 'Twice', priceMinor: 300, barcodes: ['4006381333931'], active: false },
];

const CORPUS: CorpusFile[] = [
  {
    file: 'comma.csv',
    locale: 'en-US',
    currency: 'USD',
    stored: [
      { sku: 'TEA-1', name: 'Green tea', priceMinor: 350, barcodes: ['0012345678905', '4006381333931'], category: 'Drinks > Tea' },
      { sku: 'TEA-2', name: 'Black tea, strong\nloose leaf', priceMinor: 1200, active: false },
    ],
  },
  {
    file: 'semicolon-de.csv',
    locale: 'de-DE',
    currency: 'EUR',
    stored: [
      { sku: 'TEA-1', name: 'Grüner Tee', priceMinor: 123_450, barcodes: ['4006381333931'] },
      { sku: 'TEA-2', name: 'Schwarzer Tee', priceMinor: 1250 },
    ],
  },
  {
    file: 'tabs.tsv',
    locale: 'en-US',
    currency: 'USD',
    stored: [
      { sku: 'TEA-1', name: 'Green tea', priceMinor: 350, costMinor: 120 },
      { sku: 'TEA-2', name: 'Black tea', priceMinor: 123_400 },
    ],
  },
  ...['utf8-bom.csv', 'windows-1252.csv', 'utf16le.csv', 'utf16be.csv'].map((file) => ({ file, locale: 'en-US', currency: 'USD', stored: accented })),
  {
    file: 'german-reordered.csv',
    locale: 'de-DE',
    currency: 'EUR',
    stored: [
      { sku: 'TEA-1', name: 'Grüner\nTee', priceMinor: 250, barcodes: ['4006381333931'] },
      { sku: 'TEA-2', name: 'Schwarzer Tee', priceMinor: 300, active: false },
    ],
  },
  {
    file: 'ambiguous.csv',
    locale: 'de-DE',
    currency: 'EUR',
    stored: [
      { sku: 'A-1', name: 'Ambiguous', priceMinor: 123_400 },
      { sku: 'A-2', name: 'Comma in en-US', priceMinor: 1250 },
      { sku: 'A-3', name: 'Guarded', priceMinor: 700 },
    ],
  },
  {
    file: 'ambiguous.csv',
    locale: 'en-US',
    currency: 'USD',
    errors: [
      { row: 1, line: 2, field: 'priceMinor' },
      { row: 2, line: 3, field: 'priceMinor' },
    ],
  },
  {
    file: 'formula-guard.csv',
    locale: 'en-US',
    currency: 'USD',
    stored: [
      { sku: 'B-2', name: "'Quoted name", priceMinor: 200 },
      { sku: 'F-1', name: '=Sum of parts', priceMinor: 100 },
      { sku: 'F-3', name: '@home', priceMinor: 300 },
    ],
  },
  ...['products.xlsx', 'products.xls', 'products.ods'].map((file) => ({
    file,
    locale: 'en-US',
    currency: 'USD',
    errors: [{ row: 4, line: 6, field: 'barcodes' }],
  })),
  ...['clean-products.xlsx', 'clean-products.xls', 'clean-products.ods'].map((file) => ({ file, locale: 'en-US', currency: 'USD', stored: workbook })),
];

describe('the spreadsheet corpus, imported through the API', () => {
  let api: TestApi;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  /** A new shop in the corpus file's locale, with the categories the corpus names. */
  async function shopFor({ locale, currency }: CorpusFile, name: string): Promise<TenantFixture> {
    const shop = await createTenant(api.app, name);
    const token = bearer(shop.owner.accessToken);
    expectStatus(await http().patch('/api/v1/tenant').set(token).send({ locale, currency }), 200);
    const drinks = expectStatus(await http().post('/api/v1/categories').set(token).send({ name: 'Drinks' }), 201).body;
    expectStatus(await http().post('/api/v1/categories').set(token).send({ name: 'Tea', parentId: drinks.id }), 201);
    return shop;
  }

  async function storedProducts(shop: TenantFixture): Promise<Stored[]> {
    const token = bearer(shop.owner.accessToken);
    const categories = expectStatus(await http().get('/api/v1/categories').set(token), 200).body.items as {
      id: string;
      name: string;
      parentId: string | null;
    }[];
    const pathOf = (id: string | null): string | null => {
      const category = categories.find((candidate) => candidate.id === id);
      return category ? [pathOf(category.parentId), category.name].filter(Boolean).join(' > ') : null;
    };
    const products = expectStatus(await http().get('/api/v1/products?limit=100').set(token), 200).body.items as (Required<Stored> & {
      categoryId: string | null;
    })[];
    return products
      .map(({ sku, name, priceMinor, costMinor, barcodes, active, categoryId }) => ({
        sku,
        name,
        priceMinor,
        costMinor,
        barcodes,
        active,
        category: pathOf(categoryId),
      }))
      .sort((a, b) => a.sku.localeCompare(b.sku));
  }

  const withDefaults = (product: Stored): Required<Stored> => ({ costMinor: null, barcodes: [], active: true, category: null, ...product });

  it.each(CORPUS.map((entry, index) => [`${entry.file} in ${entry.locale}`, entry, index] as const))(
    '%s: the multipart dry run gives the rows the library reads in the browser, and the import stores exactly what the file says',
    async (_, entry, index) => {
      const shop = await shopFor(entry, `Corpus${index}`);
      const bytes = readFileSync(join(FIXTURES, entry.file));
      const local = readImportRows(readSpreadsheet(new Uint8Array(bytes), { fileName: entry.file }), 'products', entry);
      const post = (dryRun: boolean) =>
        http().post('/api/v1/products/import').set(bearer(shop.owner.accessToken)).field('dryRun', String(dryRun)).attach('file', bytes, entry.file);

      const dry = expectStatus(await post(true), 200).body;
      expect({ errors: dry.errors, notes: dry.notes, unknownColumns: dry.unknownColumns }).toEqual({
        errors: local.problems,
        notes: local.notes,
        unknownColumns: local.unknownColumns,
      });
      expect(dry.created).toBe(entry.stored?.length ?? local.rows.length - new Set(local.problems.map((problem) => problem.row)).size);

      const committed = await post(false);
      if (entry.errors) {
        expect([committed.status, committed.body.code]).toEqual([422, ErrorCode.ImportInvalid]);
        expect(committed.body.errors).toEqual(
          entry.errors.map(({ row, line, field }) => ({ field: `rows.${row - 1}.${field}`, line, message: expect.any(String) })),
        );
        expect(await storedProducts(shop)).toEqual([]);
      } else {
        expect(expectStatus(committed, 200).body).toMatchObject({ created: entry.stored?.length, updated: 0, errors: [] });
        const stored = await storedProducts(shop);
        expect(stored).toEqual(entry.stored?.map(withDefaults));
        // Each row the library read in the browser is what the API stored (barcodes listed in code order).
        for (const { values } of local.rows) {
          const barcodes = values['barcodes'] as string[] | undefined;
          expect(stored.find((product) => product.sku === values['sku'])).toMatchObject({ ...values, ...(barcodes ? { barcodes: [...barcodes].sort() } : {}) });
        }
      }
    },
  );
});
