import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { readImportRows } from '@kassa/spreadsheet-core';
import { readSpreadsheet } from '@kassa/spreadsheet-core/read';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

const FIXTURES = join(__dirname, '../../../../libs/spreadsheet-core/fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('spreadsheet files posted straight to the import routes', () => {
  let api: TestApi;
  let german: TenantFixture;
  let american: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const postFile = (shop: TenantFixture, path: string, bytes: Buffer, type: string) =>
    http().post(path).set(bearer(shop.owner.accessToken)).set('content-type', type).send(bytes);
  const product = async (shop: TenantFixture, sku: string) =>
    expectStatus(
      await http()
        .get(`/api/v1/products?q=${encodeURIComponent(sku)}&limit=5`)
        .set(bearer(shop.owner.accessToken)),
      200,
    ).body.items.find((item: { sku: string }) => item.sku === sku);

  beforeAll(async () => {
    api = await startTestApi();
    german = await createTenant(api.app, 'Teehaus');
    american = await createTenant(api.app, 'Teastore');
    const settings = [
      [german, { locale: 'de-DE', currency: 'EUR' }],
      [american, { locale: 'en-US', currency: 'USD' }],
    ] as const;
    for (const [shop, changes] of settings) {
      expectStatus(await http().patch('/api/v1/tenant').set(bearer(shop.owner.accessToken)).send(changes), 200);
    }
  });
  afterAll(() => api.close());

  it('imports a German semicolon CSV with decimal commas and thousands dots to exactly those prices', async () => {
    const result = expectStatus(await postFile(german, '/api/v1/products/import', fixture('semicolon-de.csv'), 'text/csv'), 200).body;
    expect(result).toEqual({ created: 2, updated: 0, unchanged: 0, errors: [], notes: [], unknownColumns: [] });
    expect(await product(german, 'TEA-1')).toMatchObject({ name: 'Grüner Tee', priceMinor: 123_450, barcodes: ['4006381333931'] });
    expect(await product(german, 'TEA-2')).toMatchObject({ name: 'Schwarzer Tee', priceMinor: 1250, barcodes: [] });
  });

  it('imports a Windows-1252 CSV with é ü € – intact', async () => {
    expectStatus(await postFile(american, '/api/v1/products/import', fixture('windows-1252.csv'), 'text/csv'), 200);
    expect(await product(american, 'CAF-1')).toMatchObject({ name: 'Café Müller € – Tasse', priceMinor: 450 });
  });

  it('reports an xlsx row error with its sheet row, and refuses the commit naming the same line', async () => {
    const path = '/api/v1/products/import';
    const dry = expectStatus(await postFile(american, `${path}?dryRun=true`, fixture('products.xlsx'), XLSX_TYPE), 200).body;
    const barcodeError = { row: 4, line: 6, field: 'barcodes', message: 'barcode 12345678901 looks numeric — format the column as text' };
    expect(dry).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      errors: [barcodeError],
      notes: [
        { row: 1, line: 2, field: 'sku', message: 'SKU 00123 was a number in the file; kept as shown' },
        { row: 2, line: 3, field: 'barcodes', message: 'barcode 12345678905 read as 012345678905 (leading zeros restored)' },
      ],
      unknownColumns: [],
    });
    const refused = await postFile(american, path, fixture('products.xlsx'), XLSX_TYPE);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ field: 'rows.3.barcodes', message: barcodeError.message, line: 6 }]);
    expect(await product(american, '00123')).toBeUndefined();
  });

  it('gives the same rows and errors as the library reading the file on its own (what the browser runs)', async () => {
    for (const [name, type] of [
      ['german-reordered.csv', 'text/csv'],
      ['products.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['products.xls', 'application/vnd.ms-excel'],
    ]) {
      const local = readImportRows(readSpreadsheet(new Uint8Array(fixture(name)), { fileName: name }), 'products', { locale: 'en-US', currency: 'USD' });
      const dry = expectStatus(await postFile(american, '/api/v1/products/import?dryRun=true', fixture(name), type), 200).body;
      expect(dry.errors).toEqual(local.problems);
      expect(dry.notes).toEqual(local.notes);
      expect(dry.unknownColumns).toEqual(local.unknownColumns);
    }
  });

  it('refuses a damaged workbook as unreadable and a mapping to an unknown field as invalid', async () => {
    const damaged = await postFile(american, '/api/v1/products/import', Buffer.from('PK\u0003\u0004 damaged'), XLSX_TYPE);
    expect([damaged.status, damaged.body.code]).toEqual([422, ErrorCode.ImportFileUnreadable]);
    const mapping = encodeURIComponent(JSON.stringify({ Name: 'colour' }));
    const badMapping = await postFile(american, `/api/v1/products/import?mapping=${mapping}`, fixture('comma.csv'), 'text/csv');
    expect([badMapping.status, badMapping.body.code, badMapping.body.errors[0].field]).toEqual([400, ErrorCode.ImportMappingInvalid, 'mapping']);
  });

  it('lets a mapping name a column the synonyms do not know', async () => {
    const csv = Buffer.from('Code;Bezeichnung;Preis\nMAP-1;Mapped;2,00\n');
    const mapping = encodeURIComponent(JSON.stringify({ Code: 'sku' }));
    expectStatus(await postFile(german, `/api/v1/products/import?mapping=${mapping}`, csv, 'text/csv'), 200);
    expect(await product(german, 'MAP-1')).toMatchObject({ name: 'Mapped', priceMinor: 200 });
  });

  it('takes the same files as a multipart form (file, mapping, dryRun) and answers exactly as for the raw body', async () => {
    const path = '/api/v1/products/import';
    const raw = expectStatus(await postFile(american, `${path}?dryRun=true`, fixture('products.xlsx'), XLSX_TYPE), 200).body;
    const form = await http()
      .post(path)
      .set(bearer(american.owner.accessToken))
      .field('dryRun', 'true')
      .attach('file', fixture('products.xlsx'), 'products.xlsx');
    expect(expectStatus(form, 200).body).toEqual(raw);
    const refused = await http().post(path).set(bearer(american.owner.accessToken)).attach('file', fixture('products.xlsx'), 'products.xlsx');
    expect([refused.status, refused.body.errors]).toEqual([422, [expect.objectContaining({ field: 'rows.3.barcodes', line: 6 })]]);

    const csv = Buffer.from('Code;Bezeichnung;Preis\nFORM-1;Per Formular;3,50\n');
    const mapped = await http()
      .post(path)
      .set(bearer(german.owner.accessToken))
      .field('mapping', JSON.stringify({ Code: 'sku' }))
      .attach('file', csv, { filename: 'liste.csv', contentType: 'text/csv' });
    expect(expectStatus(mapped, 200).body).toMatchObject({ created: 1, errors: [] });
    expect(await product(german, 'FORM-1')).toMatchObject({ name: 'Per Formular', priceMinor: 350 });
  });

  it('documents the JSON rows, the multipart form and the raw file each with its own schema', async () => {
    const document = expectStatus(await http().get('/api/openapi.json'), 200).body;
    for (const [path, fields] of [
      ['/api/v1/products/import', ['file', 'mapping', 'dryRun']],
      ['/api/v1/inventory/counts/import', ['file', 'storeId', 'mapping', 'dryRun']],
    ] as const) {
      const content = document.paths[path].post.requestBody.content;
      expect(content['application/json'].schema.$ref).toMatch(/ImportDto$/);
      expect(Object.keys(content['multipart/form-data'].schema.properties)).toEqual(fields);
      expect(content['text/csv'].schema).toEqual({ type: 'string', format: 'binary' });
      expect(document.paths[path].post['x-kassa-upload-form']).toBeUndefined();
    }
  });

  it('answers a file over 20 MB with 413 payload_too_large, posted raw or as a multipart form', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 'a');
    const raw = await postFile(american, '/api/v1/products/import?dryRun=true', big, 'text/csv');
    expect([raw.status, raw.body.code]).toEqual([413, ErrorCode.PayloadTooLarge]);
    const form = await http().post('/api/v1/products/import?dryRun=true').set(bearer(american.owner.accessToken)).attach('file', big, 'big.csv');
    expect([form.status, form.body.code, form.body.errors]).toEqual([413, ErrorCode.PayloadTooLarge, [{ field: 'file', message: expect.any(String) }]]);
  });

  it('refuses a form without its file, a field the route does not take or given twice, and files on routes that take none', async () => {
    const path = '/api/v1/products/import';
    const asOwner = () => http().post(path).set(bearer(american.owner.accessToken));
    const noFile = await asOwner().field('dryRun', 'true');
    expect([noFile.status, noFile.body.errors[0].field]).toEqual([400, 'file']);
    const otherName = await asOwner().attach('upload', fixture('comma.csv'), 'comma.csv');
    expect([otherName.status, otherName.body.errors[0].field]).toEqual([400, 'upload']);
    const unknownField = await asOwner().field('colour', 'red').attach('file', fixture('comma.csv'), 'comma.csv');
    expect([unknownField.status, unknownField.body.errors[0].field]).toEqual([400, 'colour']);
    const badDryRun = await asOwner().field('dryRun', 'maybe').attach('file', fixture('comma.csv'), 'comma.csv');
    expect([badDryRun.status, badDryRun.body.errors[0].field]).toEqual([400, 'dryRun']);
    const twice = await http()
      .post(`${path}?dryRun=true`)
      .set(bearer(american.owner.accessToken))
      .field('dryRun', 'false')
      .attach('file', fixture('comma.csv'), 'comma.csv');
    expect([twice.status, twice.body.errors[0].field]).toEqual([400, 'dryRun']);

    const elsewhere = await http().post('/api/v1/products').set(bearer(american.owner.accessToken)).attach('file', fixture('comma.csv'), 'comma.csv');
    expect([elsewhere.status, elsewhere.body.code]).toEqual([415, ErrorCode.UnsupportedMediaType]);
    const rawElsewhere = await postFile(american, '/api/v1/products', fixture('comma.csv'), 'text/csv');
    expect([rawElsewhere.status, rawElsewhere.body.code]).toEqual([415, ErrorCode.UnsupportedMediaType]);
  });

  it('posts a count as a multipart form with the store among its fields', async () => {
    const form = await http()
      .post('/api/v1/inventory/counts/import')
      .set(bearer(german.owner.accessToken))
      .field('storeId', german.stores[0].id)
      .field('dryRun', 'true')
      .attach('file', Buffer.from('Artikelnummer;Gezählt\nTEA-1;7\n'), 'zaehlung.csv');
    expect(expectStatus(form, 200).body).toMatchObject({ counted: 1, errors: [] });
  });

  it('posts a count from a CSV file with the store in the query, errors carrying their line', async () => {
    const storeId = german.stores[0].id;
    const csv = Buffer.from('Artikelnummer;Gezählt\nTEA-1;5\n\nTEA-2;zwei\n');
    const dry = expectStatus(await postFile(german, `/api/v1/inventory/counts/import?dryRun=true&storeId=${storeId}`, csv, 'text/csv'), 200).body;
    expect(dry.errors).toEqual([{ row: 2, line: 4, field: 'counted', message: 'zwei is not a whole number' }]);
    const good = Buffer.from('Artikelnummer;Gezählt\nTEA-1;5\nTEA-2;2\n');
    const result = expectStatus(await postFile(german, `/api/v1/inventory/counts/import?storeId=${storeId}`, good, 'text/csv'), 200).body;
    expect(result).toMatchObject({ counted: 2, changed: 2, errors: [] });
    const missingStore = await postFile(german, '/api/v1/inventory/counts/import', good, 'text/csv');
    expect([missingStore.status, missingStore.body.errors[0].field]).toEqual([400, 'storeId']);
  });
});
