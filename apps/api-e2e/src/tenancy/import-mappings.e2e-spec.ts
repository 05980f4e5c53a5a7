import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

describe('remembered import mappings', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const getMapping = (shop: TenantFixture, kind: string, token = shop.owner.accessToken) => http().get(`/api/v1/import-mappings/${kind}`).set(bearer(token));
  const putMapping = (shop: TenantFixture, kind: string, body: object, token = shop.owner.accessToken) =>
    http().put(`/api/v1/import-mappings/${kind}`).set(bearer(token)).send(body);
  const importCsv = (shop: TenantFixture, csv: string, query = '') =>
    http().post(`/api/v1/products/import${query}`).set(bearer(shop.owner.accessToken)).set('content-type', 'text/csv').send(Buffer.from(csv));

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
    for (const shop of [a, b])
      expectStatus(await http().patch('/api/v1/tenant').set(bearer(shop.owner.accessToken)).send({ locale: 'de-DE', currency: 'EUR' }), 200);
  });
  afterAll(() => api.close());

  it('has none until the shop confirms one, then gives back what was put, audited', async () => {
    expect(expectStatus(await getMapping(a, 'products'), 200).body).toEqual({ kind: 'products', mapping: {}, updatedAt: null });
    const put = expectStatus(await putMapping(a, 'products', { mapping: { Code: 'sku', Bezeichnung: 'name', Notiz: null } }), 200).body;
    expect(put).toEqual({ kind: 'products', mapping: { Code: 'sku', Bezeichnung: 'name', Notiz: null }, updatedAt: expect.any(String) });
    expect(expectStatus(await getMapping(a, 'products'), 200).body).toEqual(put);
    expect(expectStatus(await getMapping(a, 'counts'), 200).body.mapping).toEqual({});
    const audit = await ownerQuery<{ changes: object }>(api, `SELECT changes FROM audit_log WHERE tenant_id = $1 AND entity_type = 'import_mapping'`, [a.id]);
    expect(audit).toHaveLength(1);
  });

  it('applies the remembered mapping to the columns a file has, under a mapping posted with the file', async () => {
    expectStatus(await putMapping(a, 'products', { mapping: { Code: 'sku', Bezeichnung: 'name', 'Nicht da': 'description' } }), 200);
    const result = expectStatus(await importCsv(a, 'Code;Bezeichnung;Preis\nREM-1;Erinnert;2,50\n'), 200).body;
    expect(result).toMatchObject({ created: 1, errors: [], unknownColumns: [] });
    const found = expectStatus(await http().get('/api/v1/products?q=REM-1').set(bearer(a.owner.accessToken)), 200).body.items;
    expect(found).toEqual([expect.objectContaining({ sku: 'REM-1', name: 'Erinnert', priceMinor: 250 })]);

    const overridden = await importCsv(
      a,
      'Code;Bezeichnung;Preis\nREM-2;Anders;1\n',
      `?dryRun=true&mapping=${encodeURIComponent(JSON.stringify({ Code: null }))}`,
    );
    expect(expectStatus(overridden, 200).body.errors).toEqual([expect.objectContaining({ row: 1, field: 'sku' })]);

    // The other shop remembers nothing: the same file has no SKU column there.
    expect(expectStatus(await importCsv(b, 'Code;Bezeichnung;Preis\nREM-1;Erinnert;2,50\n', '?dryRun=true'), 200).body.unknownColumns).toEqual(['Code']);
  });

  it("keeps each shop's mappings to itself", async () => {
    expectStatus(await putMapping(b, 'products', { mapping: { Nummer: 'sku' } }), 200);
    expect(expectStatus(await getMapping(a, 'products'), 200).body.mapping).not.toHaveProperty('Nummer');
    expect(expectStatus(await getMapping(b, 'products'), 200).body.mapping).toEqual({ Nummer: 'sku' });
    expect(expectStatus(await getMapping(b, 'products', b.apiKey), 200).body.mapping).toEqual({ Nummer: 'sku' });
  });

  it('refuses an unknown kind, a field the import lacks, two columns for one field and a mapping that is not an object', async () => {
    const unknownKind = await getMapping(a, 'customers');
    expect([unknownKind.status, unknownKind.body.code, unknownKind.body.errors[0].field]).toEqual([400, ErrorCode.ValidationFailed, 'kind']);
    const unknownField = await putMapping(a, 'counts', { mapping: { Code: 'priceMinor' } });
    expect([unknownField.status, unknownField.body.code, unknownField.body.errors[0].field]).toEqual([400, ErrorCode.ImportMappingInvalid, 'mapping.Code']);
    const twice = await putMapping(a, 'counts', { mapping: { Code: 'sku', Artikel: 'sku' } });
    expect([twice.status, twice.body.code, twice.body.errors[0].field]).toEqual([400, ErrorCode.ImportMappingInvalid, 'mapping']);
    const notObject = await putMapping(a, 'counts', { mapping: ['sku'] });
    expect([notObject.status, notObject.body.errors[0].field]).toEqual([400, 'mapping']);
    expect(expectStatus(await getMapping(a, 'counts'), 200).body.mapping).toEqual({});
  });

  it('lets managers remember mappings and keeps cashiers out', async () => {
    expectStatus(await putMapping(a, 'counts', { mapping: { Gezählt: 'counted' } }, a.manager.accessToken), 200);
    const cashier = await getMapping(a, 'counts', a.cashier.accessToken);
    expect([cashier.status, cashier.body.code]).toEqual([403, ErrorCode.Forbidden]);
  });
});
