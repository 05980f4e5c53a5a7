import * as XLSX from '@e965/xlsx';
import request from 'supertest';
import { binaryBody } from '../support/binary-body';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

describe('a filtered product view exported', () => {
  let api: TestApi;
  let shop: TenantFixture;
  let other: TenantFixture;
  let teaId: string;
  const http = () => request(api.app.getHttpServer());
  const exported = (tenant: TenantFixture, query: string) =>
    http().get(`/api/v1/products/export?${query}`).set(bearer(tenant.owner.accessToken)).buffer(true).parse(binaryBody);
  const csvLines = (body: unknown) => (body as Buffer).toString('utf8').trim().split('\r\n');
  const sheetRows = (body: unknown) => XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(body as Buffer).Sheets.Products, { raw: true });

  beforeAll(async () => {
    api = await startTestApi();
    [shop, other] = await Promise.all([createTenant(api.app, 'Viewexport'), createTenant(api.app, 'Viewother')]);
    teaId = expectStatus(await http().post('/api/v1/categories').set(bearer(shop.owner.accessToken)).send({ name: 'Tea' }), 201).body.id;
    for (const product of [
      { sku: 'TEA-1', name: 'Green tea', priceMinor: 350, categoryId: teaId, barcodes: ['012345678905'] },
      { sku: 'TEA-2', name: 'Black tea', priceMinor: 250, categoryId: teaId, active: false },
      { sku: 'JAM-1', name: 'Apricot jam', priceMinor: 420 },
    ]) {
      expectStatus(await http().post('/api/v1/products').set(bearer(shop.owner.accessToken)).send(product), 201);
    }
    expectStatus(await http().post('/api/v1/products').set(bearer(other.owner.accessToken)).send({ sku: 'TEA-9', name: 'Their tea', priceMinor: 1 }), 201);
  });
  afterAll(() => api.close());

  it('holds only the rows the view finds, in the columns it shows, with typed cells and barcodes intact', async () => {
    const xlsx = expectStatus(await exported(shop, 'format=xlsx&q=tea&active=true&columns=sku,name,priceMinor,barcodes'), 200);
    expect(sheetRows(xlsx.body)).toEqual([{ SKU: 'TEA-1', Name: 'Green tea', Price: 3.5, Barcodes: '012345678905' }]);
    expect(csvLines(expectStatus(await exported(shop, 'format=csv&q=0012345678905&columns=sku'), 200).body)).toEqual(['sku', 'TEA-1']);
    expect(csvLines(expectStatus(await exported(shop, `format=csv&columns=sku&categoryId=${teaId}`), 200).body)).toEqual(['sku', 'TEA-1', 'TEA-2']);
    expect(csvLines(expectStatus(await exported(shop, 'format=csv&columns=sku'), 200).body)).toEqual(['sku', 'JAM-1', 'TEA-1', 'TEA-2']);
  });

  it("never exports another shop's products, and refuses a malformed filter naming it", async () => {
    expect(csvLines(expectStatus(await exported(other, 'format=csv&q=tea&columns=sku'), 200).body)).toEqual(['sku', 'TEA-9']);
    const refused = await http().get('/api/v1/products/export?format=csv&categoryId=tea').set(bearer(shop.owner.accessToken));
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(['categoryId']);
  });
});
