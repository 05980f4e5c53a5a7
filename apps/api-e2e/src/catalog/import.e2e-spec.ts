import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { eventually } from '@kassa/testing';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

describe('product import', () => {
  let api: TestApi;
  let shop: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const importRows = (rows: object[], dryRun: boolean) =>
    http().post(`/api/v1/products/import?dryRun=${dryRun}`).set(bearer(shop.owner.accessToken)).send({ rows });
  const count = async (sql: string) => (await ownerQuery<{ n: number }>(api, sql, [shop.id]))[0].n;
  const productCount = () => count(`SELECT count(*)::int AS n FROM product WHERE tenant_id = $1`);

  beforeAll(async () => {
    api = await startTestApi({ env: { OUTBOX_POLL_MS: '200' } });
    shop = await createTenant(api.app, 'India');
    for (let i = 0; i < 100; i++) {
      expectStatus(
        await http()
          .post('/api/v1/products')
          .set(bearer(shop.owner.accessToken))
          .send({ sku: `IMP-${i}`, name: `Before ${i}`, priceMinor: 100 }),
        201,
      );
    }
  });
  afterAll(() => api.close());

  const goodRows = () =>
    Array.from({ length: 10_000 }, (_, i) => ({ sku: `IMP-${i}`, name: `Imported ${i}`, priceMinor: 100 + i, barcodes: [`77${String(i).padStart(10, '0')}`] }));

  it('reports exactly the bad rows in a dry run, and writes nothing, with or without dryRun, until they are fixed', async () => {
    const rows: Record<string, unknown>[] = goodRows();
    rows[41] = { ...rows[41], priceMinor: -5 };
    rows[4999] = { ...rows[4999], taxRateBps: 20_000 };
    rows[9998] = { ...rows[9998], sku: 'IMP-7' };
    const before = await productCount();

    const dry = expectStatus(await importRows(rows, true), 200).body;
    expect(dry.errors).toEqual([
      { row: 42, field: 'priceMinor', message: expect.any(String) },
      { row: 5000, field: 'taxRateBps', message: expect.any(String) },
      { row: 9999, field: 'sku', message: expect.stringContaining('row 8') },
    ]);
    expect(await productCount()).toBe(before);

    const refused = await importRows(rows, false);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe(ErrorCode.ImportInvalid);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(['rows.41.priceMinor', 'rows.4999.taxRateBps', 'rows.9998.sku']);
    expect(await productCount()).toBe(before);

    const done = expectStatus(await importRows(goodRows(), false), 200).body;
    expect(done).toEqual({ created: 9_900, updated: 100, unchanged: 0, errors: [], notes: [], unknownColumns: [] });
    expect(await productCount()).toBe(10_000);
    const updated = expectStatus(await http().get('/api/v1/products?q=IMP-7&limit=1').set(bearer(shop.owner.accessToken)), 200).body.items[0];
    expect(updated).toMatchObject({ sku: 'IMP-7', name: 'Imported 7', priceMinor: 107, version: 2, barcodes: ['770000000007'] });

    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND entity_type = 'product' AND action IN ('create', 'update') AND request_id IS NOT NULL AND created_at > now() - interval '10 minutes'`,
      ),
    ).toBeGreaterThanOrEqual(10_000);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'import'`)).toBe(1);
    const events = await eventually(
      () =>
        count(`SELECT count(*)::int AS n FROM outbox_event WHERE tenant_id = $1 AND type IN ('product.created', 'product.updated') AND sequence IS NOT NULL`),
      (n) => n >= 10_100,
    );
    // 100 created one by one before, then 9,900 created and 100 updated by the import.
    expect(events).toBe(10_100);
  });

  it('counts a row with a problem neither as created nor as updated in a dry run', async () => {
    expectStatus(
      await http()
        .post('/api/v1/products')
        .set(bearer(shop.owner.accessToken))
        .send({ sku: 'HOLDER', name: 'Holder', priceMinor: 1, barcodes: ['4000000000001'] }),
      201,
    );
    const rows = [
      { sku: 'DRY-NEW-1', name: 'New and fine', priceMinor: 100 },
      { sku: 'DRY-NEW-2', name: 'Unknown category', priceMinor: 100, categoryId: '01a20000-0000-7000-8000-000000000000' },
      { sku: 'DRY-NEW-1', name: 'Same SKU as row 1', priceMinor: 100 },
      { sku: 'IMP-1', name: "Another product's barcode", priceMinor: 100, barcodes: ['4000000000001'] },
      { sku: 'IMP-2', name: 'Known and fine', priceMinor: 100 },
    ];
    const dry = expectStatus(await importRows(rows, true), 200).body;
    expect(dry.errors.map((error: { row: number; field: string }) => `${error.row} ${error.field}`)).toEqual(['2 categoryId', '3 sku', '4 barcodes']);
    expect({ created: dry.created, updated: dry.updated }).toEqual({ created: 1, updated: 1 });
  });

  it('finds a row with a NUL character or an undeclared null in a dry run, as the commit does', async () => {
    for (const dryRun of [true, false]) {
      const nul = await importRows(
        [
          { sku: 'NUL-1', name: 'Fine', priceMinor: 1 },
          { sku: 'NUL-2', name: 'Bad\u0000name', priceMinor: 1 },
        ],
        dryRun,
      );
      expect([nul.status, nul.body.code, nul.body.errors]).toEqual([400, ErrorCode.ValidationFailed, [{ field: 'rows.1.name', message: expect.any(String) }]]);
    }
    const nullRow = { sku: 'NULL-1', name: 'No description', priceMinor: 1, description: null };
    const dry = expectStatus(await importRows([nullRow], true), 200).body;
    expect([dry.created, dry.errors]).toEqual([0, [{ row: 1, field: 'description', message: expect.any(String) }]]);
    const committed = await importRows([nullRow], false);
    expect([committed.status, committed.body.errors]).toEqual([422, [{ field: 'rows.0.description', message: expect.any(String) }]]);
  });

  it('answers more than 50,000 rows with 413 payload_too_large', async () => {
    const rows = Array.from({ length: 50_001 }, (_, i) => ({ sku: `X${i}`, name: 'x', priceMinor: 1 }));
    const response = await importRows(rows, true);
    expect(response.status).toBe(413);
    expect(response.body.code).toBe(ErrorCode.PayloadTooLarge);
  });

  it('answers a body over 20 MB with 413 payload_too_large', async () => {
    const response = await importRows([{ sku: 'BIG', name: 'x'.repeat(21 * 1024 * 1024), priceMinor: 1 }], true);
    expect(response.status).toBe(413);
    expect(response.body.code).toBe(ErrorCode.PayloadTooLarge);
  });

  it('keeps other routes at the ordinary 1 MiB limit', async () => {
    const response = await http()
      .post('/api/v1/products')
      .set(bearer(shop.owner.accessToken))
      .send({ sku: 'HUGE', name: 'x'.repeat(2 * 1024 * 1024), priceMinor: 1 });
    expect(response.status).toBe(413);
  });
});
