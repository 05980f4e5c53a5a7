import { Client } from 'pg';
import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
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

  it('records each product it writes with an event holding the product as GET answers it and an audit row of the fields that changed', async () => {
    const as = <T extends request.Test>(test: T) => test.set(bearer(shop.owner.accessToken));
    const product = (id: string) => as(http().get(`/api/v1/products/${id}`)).then((response) => expectStatus(response, 200).body);
    const category = expectStatus(await as(http().post('/api/v1/categories')).send({ name: 'Audited' }), 201).body;
    const created = async (body: object) => expectStatus(await as(http().post('/api/v1/products')).send(body), 201).body;
    const kept = await created({
      sku: 'AUD-KEEP',
      name: 'Keeps its barcodes',
      priceMinor: 10,
      costMinor: 4,
      description: 'stays',
      barcodes: ['4006381333931', '012345678905'],
    });
    const cleared = await created({ sku: 'AUD-CLEAR', name: 'Loses its barcodes', priceMinor: 10, reorderPoint: 2, barcodes: ['96385074', '4006381333948'] });
    const replaced = await created({ sku: 'AUD-SWAP', name: 'Swaps a barcode', priceMinor: 10, barcodes: ['4006381333955'] });
    const before = new Map(await Promise.all([kept, cleared, replaced].map(async ({ id }) => [id, await product(id)] as const)));
    const [{ position }] = await ownerQuery<{ position: string }>(
      api,
      `SELECT coalesce(max(position), 0)::text AS position FROM outbox_event WHERE tenant_id = $1`,
      [shop.id],
    );

    const rows = [
      {
        sku: 'AUD-NEW-1',
        name: 'Every field',
        description: 'all of them',
        categoryId: category.id,
        unit: 'kg',
        priceMinor: 250,
        costMinor: 100,
        taxRateBps: 700,
        barcodes: ['4012345000009', '0012345000065'],
        active: false,
        trackStock: false,
        reorderPoint: 3,
        reorderQuantity: 12,
        imageUrl: 'https://example.com/a.png',
      },
      { sku: 'AUD-NEW-2', name: 'Bare', priceMinor: 1 },
      { sku: 'AUD-KEEP', name: 'Renamed, barcodes kept', priceMinor: 11 },
      { sku: 'AUD-CLEAR', name: 'Loses its barcodes', priceMinor: 10, barcodes: [] },
      { sku: 'AUD-SWAP', name: 'Swaps a barcode', priceMinor: 12, barcodes: ['4006381333962', '4006381333955'] },
    ];
    expect(expectStatus(await importRows(rows, false), 200).body).toMatchObject({ created: 2, updated: 3, unchanged: 0, errors: [] });

    const events = await ownerQuery<{ type: string; aggregate_id: string; aggregate_version: number; data: object; request_id: string | null }>(
      api,
      `SELECT type, aggregate_type, aggregate_id, aggregate_version, data, request_id FROM outbox_event WHERE tenant_id = $1 AND position > $2 ORDER BY position`,
      [shop.id, position],
    );
    const ids = events.map((event) => event.aggregate_id);
    const after = new Map(await Promise.all(ids.map(async (id) => [id, await product(id)] as const)));
    expect(events.map((event) => [event.type, (event.data as { sku: string }).sku]).sort()).toEqual([
      ['product.created', 'AUD-NEW-1'],
      ['product.created', 'AUD-NEW-2'],
      ['product.updated', 'AUD-CLEAR'],
      ['product.updated', 'AUD-KEEP'],
      ['product.updated', 'AUD-SWAP'],
    ]);
    const requestId = events[0].request_id;
    expect(requestId).toEqual(expect.any(String));
    for (const event of events) {
      expect(event).toEqual({
        type: event.type,
        aggregate_type: 'product',
        aggregate_id: event.aggregate_id,
        aggregate_version: after.get(event.aggregate_id).version,
        data: after.get(event.aggregate_id),
        request_id: requestId,
      });
    }
    expect(after.get(kept.id).barcodes).toEqual(['012345678905', '4006381333931']);
    expect(after.get(cleared.id).barcodes).toEqual([]);
    expect(after.get(replaced.id).barcodes).toEqual(['4006381333955', '4006381333962']);

    const audits = await ownerQuery<{ action: string; entity_id: string; changes: object; actor_type: string; actor_id: string; request_id: string }>(
      api,
      `SELECT action, entity_id, changes, actor_type, actor_id, request_id FROM audit_log
        WHERE tenant_id = $1 AND entity_type = 'product' AND request_id = $2 ORDER BY action, entity_id`,
      [shop.id, requestId],
    );
    // Field by field as the audit log compares them: a field null on both sides is no change.
    const changes = (was: Record<string, unknown> = {}, now: Record<string, unknown>) =>
      Object.fromEntries(
        [...new Set([...Object.keys(was), ...Object.keys(now)])]
          .filter((field) => JSON.stringify(was[field] ?? null) !== JSON.stringify(now[field] ?? null))
          .map((field) => [field, [was[field] ?? null, now[field] ?? null]]),
      );
    const expected = ids.map((id) => ({
      action: before.has(id) ? 'update' : 'create',
      entity_id: id,
      changes: changes(before.get(id), after.get(id)),
      actor_type: 'user',
      actor_id: shop.owner.id,
      request_id: requestId,
    }));
    expect(audits.filter((audit) => audit.action !== 'import')).toEqual(
      expected.sort((a, b) => (a.action === b.action ? (a.entity_id < b.entity_id ? -1 : 1) : a.action < b.action ? -1 : 1)),
    );
    expect(audits.filter((audit) => audit.action === 'import').map((audit) => audit.entity_id)).toEqual([null]);
    expect(Object.keys(changes(before.get(kept.id), after.get(kept.id))).sort()).toEqual(['name', 'priceMinor', 'updatedAt', 'version']);
  });

  it('answers 409 barcode_taken and writes nothing when another product takes a barcode between the check and the write', async () => {
    const holder = new Client({ connectionString: api.database.url });
    await holder.connect();
    try {
      // Another writer holds the barcode, not yet committed: the import's check cannot see it, its write waits for it.
      await holder.query('BEGIN');
      const holderId = uuidv7();
      await holder.query(`INSERT INTO product (tenant_id, id, sku, name, price_minor) VALUES ($1, $2, 'RACE-HOLDER', 'Holder', 1)`, [shop.id, holderId]);
      await holder.query(`INSERT INTO product_barcode (tenant_id, product_id, code) VALUES ($1, $2, '4000000000995')`, [shop.id, holderId]);
      const rows = [
        { sku: 'RACE-1', name: 'Racer', priceMinor: 1, barcodes: ['4000000000995'] },
        { sku: 'IMP-3', name: 'Updated in the same import', priceMinor: 3 },
      ];
      const answer = importRows(rows, false).then((response) => response);
      await eventually(
        () => ownerQuery<{ n: number }>(api, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`),
        ([{ n }]) => n > 0,
      );
      await holder.query('COMMIT');
      const response = await answer;
      expect([response.status, response.body.code]).toEqual([409, ErrorCode.BarcodeTaken]);
      expect(await count(`SELECT count(*)::int AS n FROM product WHERE tenant_id = $1 AND (sku = 'RACE-1' OR name = 'Updated in the same import')`)).toBe(0);
      expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND request_id = '${response.body.requestId}'`)).toBe(0);
    } finally {
      await holder.end();
    }
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
