import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { migrateDatabase } from '@kassa/api/database';
import { gtin14 } from '@kassa/spreadsheet-core';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

const MIGRATION = 'BarcodesUniqueAsGtin141765843200001';

describe('barcodes unique as GTIN-14 in the database', () => {
  let api: TestApi;
  let shop: TenantFixture;
  let upcHolder: { id: string };
  const http = () => request(api.app.getHttpServer());
  const createProduct = (sku: string, barcodes: string[]) =>
    http().post('/api/v1/products').set(bearer(shop.owner.accessToken)).send({ sku, name: sku, priceMinor: 100, barcodes });

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Scanner');
    upcHolder = expectStatus(await createProduct('UPC-1', ['012345678905']), 201).body;
  });
  afterAll(() => api.close());

  it("compares codes in SQL exactly as the library's gtin14 does", async () => {
    const codes = ['012345678905', '0012345678905', '00012345678905', '96385074', '12345', 'SHELF-7', '123456789012345', '٠١٢٣٤٥٦٧', ' 96385074'];
    const rows = await ownerQuery<{ code: string; gtin: string }>(api, `SELECT code, gtin14(code) AS gtin FROM unnest($1::text[]) AS code`, [codes]);
    expect(rows.map((row) => row.gtin)).toEqual(codes.map(gtin14));
  });

  it('refuses a second row one GTIN-14 apart even when the API is not asked', async () => {
    const other = expectStatus(await createProduct('OTHER-1', []), 201).body;
    await expect(
      ownerQuery(api, `INSERT INTO product_barcode (tenant_id, product_id, code) VALUES ($1, $2, '0012345678905')`, [shop.id, other.id]),
    ).rejects.toThrow(/product_barcode_gtin14_key/);
  });

  it('answers products written at once with the same GTIN in two forms with one 201 and 409 barcode_taken for the rest', async () => {
    const answers = await Promise.all(['0040000000006', '040000000006', '00040000000006'].map((code, index) => createProduct(`RACE-${index}`, [code])));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    expect(answers.filter((answer) => answer.status === 409).map((answer) => answer.body.code)).toEqual([ErrorCode.BarcodeTaken, ErrorCode.BarcodeTaken]);
  });

  it('finds the product by any written form of its GTIN, by barcode and in search (what the till and the sales screens use)', async () => {
    for (const form of ['012345678905', '0012345678905', '00012345678905']) {
      expect(expectStatus(await http().get(`/api/v1/products/by-barcode/${form}`).set(bearer(shop.cashier.accessToken)), 200).body.id).toBe(upcHolder.id);
      const found = expectStatus(await http().get(`/api/v1/products?q=${form}`).set(bearer(shop.cashier.accessToken)), 200).body.items;
      expect(found[0].id).toBe(upcHolder.id);
    }
  });

  it('stops its migration naming every collision, and builds the index once they are resolved', async () => {
    await ownerQuery(api, `DELETE FROM schema_migration WHERE name = $1`, [MIGRATION]);
    await ownerQuery(api, `DROP INDEX product_barcode_gtin14_key`);
    await ownerQuery(api, `DROP FUNCTION gtin14(text)`);
    const twin = expectStatus(await createProduct('TWIN-1', []), 201).body;
    await ownerQuery(api, `INSERT INTO product_barcode (tenant_id, product_id, code) VALUES ($1, $2, '0012345678905')`, [shop.id, twin.id]);

    const failed = migrateDatabase(api.database.url);
    await expect(failed).rejects.toThrow(
      `tenant ${shop.id}: GTIN 00012345678905 is held as 0012345678905 (product ${twin.id}), 012345678905 (product ${upcHolder.id})`,
    );
    expect(await ownerQuery(api, `SELECT 1 FROM product_barcode WHERE product_id = $1`, [twin.id])).toHaveLength(1);

    await ownerQuery(api, `DELETE FROM product_barcode WHERE product_id = $1`, [twin.id]);
    expect(await migrateDatabase(api.database.url)).toEqual([MIGRATION]);
    expect(await ownerQuery(api, `SELECT 1 FROM pg_indexes WHERE indexname = 'product_barcode_gtin14_key'`)).toHaveLength(1);
  });
});
