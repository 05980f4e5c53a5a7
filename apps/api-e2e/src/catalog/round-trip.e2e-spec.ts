import * as XLSX from '@e965/xlsx';
import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { binaryBody } from '../support/binary-body';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('products exported and imported again', () => {
  let api: TestApi;
  let shop: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const as = <T extends request.Test>(test: T) => test.set(bearer(shop.owner.accessToken));
  const count = async (sql: string) => (await ownerQuery<{ n: number }>(api, sql, [shop.id]))[0].n;
  const updatedEvents = () => count(`SELECT count(*)::int AS n FROM outbox_event WHERE tenant_id = $1 AND type = 'product.updated'`);
  const versionSum = () => count(`SELECT sum(version)::int AS n FROM product WHERE tenant_id = $1`);
  const importFile = (body: string | Buffer, type: string) => as(http().post('/api/v1/products/import')).set('content-type', type).send(body);

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Roundtrip');
    const drinks = expectStatus(await as(http().post('/api/v1/categories')).send({ name: 'Drinks' }), 201).body;
    const tea = expectStatus(await as(http().post('/api/v1/categories')).send({ name: 'Tea', parentId: drinks.id }), 201).body;
    const products = [
      { sku: 'RT-1', name: '=Tea, the formula-looking one', priceMinor: 350, costMinor: 120, categoryId: tea.id, barcodes: ['4006381333931', '012345678905'] },
      { sku: 'RT-2', name: 'Plain', priceMinor: 250, reorderPoint: 4, reorderQuantity: 12, trackStock: false },
      { sku: '00123', name: 'Leading zeros', priceMinor: 99, active: false, description: 'kept' },
    ];
    for (const product of products) expectStatus(await as(http().post('/api/v1/products')).send(product), 201);
  });
  afterAll(() => api.close());

  it('re-imports its own CSV and xlsx export with every row unchanged: no versions, no events', async () => {
    const events = await updatedEvents();
    const versions = await versionSum();
    const csv = expectStatus(await as(http().get('/api/v1/products/export?format=csv')), 200).text;
    const fromCsv = expectStatus(await importFile(csv, 'text/csv'), 200).body;
    expect(fromCsv).toEqual({ created: 0, updated: 0, unchanged: 3, errors: [], notes: [], unknownColumns: [] });

    const xlsx = await as(http().get('/api/v1/products/export?format=xlsx')).buffer(true).parse(binaryBody);
    const fromXlsx = expectStatus(await importFile(xlsx.body as Buffer, XLSX_TYPE), 200).body;
    expect(fromXlsx).toEqual({ created: 0, updated: 0, unchanged: 3, errors: [], notes: [], unknownColumns: [] });

    expect(await updatedEvents()).toBe(events);
    expect(await versionSum()).toBe(versions);
  });

  it('updates exactly the one product whose price changed in the file', async () => {
    const events = await updatedEvents();
    const csv = expectStatus(await as(http().get('/api/v1/products/export?format=csv')), 200).text;
    const lines = csv.split('\r\n');
    const header = lines[0].split(',');
    const changed = lines.map((line) => {
      if (!line.startsWith('RT-2,')) return line;
      const cells = line.split(',');
      cells[header.indexOf('priceMinor')] = '275';
      return cells.join(',');
    });
    const result = expectStatus(await importFile(changed.join('\r\n'), 'text/csv'), 200).body;
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 2, errors: [] });
    expect(await updatedEvents()).toBe(events + 1);
    const plain = expectStatus(await as(http().get('/api/v1/products?q=RT-2&limit=1')), 200).body.items[0];
    expect(plain).toMatchObject({ priceMinor: 275, version: 2, reorderPoint: 4, trackStock: false });
  });

  it('answers a PATCH that changes nothing with the product as it is: no version bump, event or audit row', async () => {
    const product = expectStatus(await as(http().get('/api/v1/products?q=RT-1&limit=1')), 200).body.items[0];
    const events = await updatedEvents();
    const audits = await count(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'update' AND entity_type = 'product'`);
    const same = { name: product.name, priceMinor: product.priceMinor, barcodes: ['0012345678905', '4006381333931'] };
    const patched = expectStatus(await as(http().patch(`/api/v1/products/${product.id}`)).send(same), 200).body;
    expect(patched.version).toBe(product.version);
    expect(await updatedEvents()).toBe(events);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'update' AND entity_type = 'product'`)).toBe(audits);
  });

  it('treats a UPC-A and the same code written as EAN-13 or GTIN-14 as one barcode in lookups, uniqueness and counts', async () => {
    const found = expectStatus(await as(http().get('/api/v1/products/by-barcode/0012345678905')), 200).body;
    expect(found.sku).toBe('RT-1');
    const taken = await as(http().post('/api/v1/products')).send({ sku: 'RT-9', name: 'Same code', priceMinor: 1, barcodes: ['00012345678905'] });
    expect([taken.status, taken.body.code]).toEqual([409, ErrorCode.BarcodeTaken]);
    const rows = [{ barcode: '00012345678905', counted: 1 }];
    const counted = expectStatus(await as(http().post('/api/v1/inventory/counts/import?dryRun=true')).send({ storeId: shop.stores[0].id, rows }), 200).body;
    expect([counted.counted, counted.errors]).toEqual([1, []]);
  });

  it('exports the columns picked, in their order, and imports that file back unchanged', async () => {
    const csv = expectStatus(await as(http().get('/api/v1/products/export?format=csv&columns=priceMinor,sku,name')), 200).text;
    expect(csv.split('\r\n')[0]).toBe('priceMinor,sku,name');
    expect(expectStatus(await importFile(csv, 'text/csv'), 200).body).toMatchObject({ unchanged: 3, errors: [] });
    const xlsx = await as(http().get('/api/v1/products/export?format=xlsx&columns=sku,name')).buffer(true).parse(binaryBody);
    const [header] = XLSX.utils.sheet_to_json<string[]>(XLSX.read(xlsx.body as Buffer, { type: 'buffer' }).Sheets['Products'], { header: 1 });
    expect(header).toEqual(['SKU', 'Name']);
    const unknown = await as(http().get('/api/v1/products/export?format=csv&columns=sku,colour'));
    expect([unknown.status, unknown.body.errors[0].field]).toEqual([400, 'columns']);
  });
});

describe('a filtered product view exported', () => {
  let api: TestApi;
  let shop: TenantFixture;
  let other: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const exported = (tenant: TenantFixture, query: string) =>
    http().get(`/api/v1/products/export?${query}`).set(bearer(tenant.owner.accessToken)).buffer(true).parse(binaryBody);
  const sheetRows = (body: Buffer) => XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(body).Sheets.Products, { raw: true });

  beforeAll(async () => {
    api = await startTestApi();
    [shop, other] = await Promise.all([createTenant(api.app, 'Viewexport'), createTenant(api.app, 'Viewother')]);
    const tea = expectStatus(await http().post('/api/v1/categories').set(bearer(shop.owner.accessToken)).send({ name: 'Tea' }), 201).body;
    for (const product of [
      { sku: 'TEA-1', name: 'Green tea', priceMinor: 350, categoryId: tea.id, barcodes: ['012345678905'] },
      { sku: 'TEA-2', name: 'Black tea', priceMinor: 250, categoryId: tea.id, active: false },
      { sku: 'JAM-1', name: 'Apricot jam', priceMinor: 420 },
    ]) {
      expectStatus(await http().post('/api/v1/products').set(bearer(shop.owner.accessToken)).send(product), 201);
    }
    expectStatus(await http().post('/api/v1/products').set(bearer(other.owner.accessToken)).send({ sku: 'TEA-9', name: 'Their tea', priceMinor: 1 }), 201);
  });
  afterAll(() => api.close());

  it('holds only the rows the view finds, in the columns it shows, with typed cells and barcodes intact', async () => {
    const xlsx = await exported(shop, 'format=xlsx&q=tea&active=true&columns=sku,name,priceMinor,barcodes');
    expect(xlsx.status).toBe(200);
    expect(sheetRows(xlsx.body as Buffer)).toEqual([{ SKU: 'TEA-1', Name: 'Green tea', Price: 3.5, Barcodes: '012345678905' }]);
    const byBarcode = expectStatus(await exported(shop, 'format=csv&q=0012345678905&columns=sku'), 200);
    expect((byBarcode.body as Buffer).toString('utf8').trim().split('\r\n')).toEqual(['sku', 'TEA-1']);
    const byCategory = await exported(shop, 'format=csv&columns=sku&categoryId=' + (await teaCategory()));
    expect((byCategory.body as Buffer).toString('utf8').trim().split('\r\n')).toEqual(['sku', 'TEA-1', 'TEA-2']);
  });

  it("never exports another shop's products, and refuses a malformed filter naming it", async () => {
    const theirs = await exported(other, 'format=csv&q=tea&columns=sku');
    expect((theirs.body as Buffer).toString('utf8').trim().split('\r\n')).toEqual(['sku', 'TEA-9']);
    const refused = await http().get('/api/v1/products/export?format=csv&categoryId=tea').set(bearer(shop.owner.accessToken));
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(['categoryId']);
  });

  const teaCategory = async () =>
    (expectStatus(await http().get('/api/v1/categories').set(bearer(shop.owner.accessToken)), 200).body.items as { id: string; name: string }[]).find(
      (category) => category.name === 'Tea',
    )?.id;
});
