import * as XLSX from '@e965/xlsx';
import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { binaryBody } from '../support/binary-body';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

describe('stock counts from a spreadsheet, and stock levels out to one', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
    for (const [sku, barcode] of [
      ['CNT-1', '1111111111111'],
      ['CNT-2', '2222222222222'],
    ]) {
      expectStatus(
        await http()
          .post('/api/v1/products')
          .set(bearer(a.owner.accessToken))
          .send({ sku, name: `Counted ${sku}`, priceMinor: 100, barcodes: [barcode] }),
        201,
      );
    }
    expectStatus(await http().post('/api/v1/products').set(bearer(b.owner.accessToken)).send({ sku: 'CNT-B', name: 'Only in B', priceMinor: 100 }), 201);
  });
  afterAll(() => api.close());

  const importCounts = (storeId: string, rows: object[], dryRun: boolean, token = a.owner.accessToken) =>
    http().post(`/api/v1/inventory/counts/import?dryRun=${dryRun}`).set(bearer(token)).send({ storeId, rows });

  it('checks every row first: a dry run lists the problems, a commit with problems writes nothing', async () => {
    const storeId = a.stores[0].id;
    const rows = [
      { sku: 'CNT-1', counted: 7 },
      { barcode: '0000000000000', counted: 1 },
      { sku: 'CNT-B', counted: 2 },
      { counted: 3 },
      { sku: 'CNT-2', counted: -1 },
    ];
    const dry = expectStatus(await importCounts(storeId, rows, true), 200).body;
    expect(dry.errors.map((error: { row: number; field: string }) => [error.row, error.field])).toEqual([
      [2, 'barcode'],
      [3, 'sku'],
      [4, 'sku'],
      [5, 'counted'],
    ]);
    const refused = await importCounts(storeId, rows, false);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe(ErrorCode.ImportInvalid);
    const levels = expectStatus(await http().get(`/api/v1/inventory/levels?storeId=${storeId}`).set(bearer(a.owner.accessToken)), 200).body.items;
    expect(levels).toEqual([]);
  });

  it('calls a row with null for a field it should leave out invalid, as every route does', async () => {
    const dry = expectStatus(await importCounts(a.stores[0].id, [{ sku: null, barcode: '1111111111111', counted: 4 }], true), 200).body;
    expect([dry.counted, dry.errors]).toEqual([0, [{ row: 1, field: 'sku', message: 'sku must not be null' }]]);
  });

  it('posts a clean count by SKU and barcode as count ledger rows', async () => {
    const storeId = a.stores[0].id;
    const result = expectStatus(
      await importCounts(
        storeId,
        [
          { sku: 'CNT-1', counted: 7 },
          { barcode: '2222222222222', counted: 3 },
        ],
        false,
      ),
      200,
    ).body;
    expect(result).toEqual({ counted: 2, changed: 2, errors: [], notes: [], unknownColumns: [] });
    const ledger = expectStatus(await http().get(`/api/v1/inventory/ledger?storeId=${storeId}`).set(bearer(a.owner.accessToken)), 200).body.items;
    expect(ledger.map((entry: { reason: string; delta: number }) => [entry.reason, entry.delta]).sort()).toEqual([
      ['count', 3],
      ['count', 7],
    ]);
  });

  it('exports levels as xlsx and CSV, only for the stores the caller may see, and never another shop', async () => {
    expectStatus(await importCounts(a.stores[1].id, [{ sku: 'CNT-1', counted: 4 }], false), 200);
    const xlsx = await http().get('/api/v1/inventory/levels/export?format=xlsx').set(bearer(a.owner.accessToken)).buffer(true).parse(binaryBody);
    expect(xlsx.status).toBe(200);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(xlsx.body as Buffer, { type: 'buffer' }).Sheets['Stock']);
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => typeof row['On hand'] === 'number')).toBe(true);

    const csv = expectStatus(await http().get('/api/v1/inventory/levels/export?format=csv').set(bearer(a.cashier.accessToken)), 200).text;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('storeCode,storeName,sku,productName,onHand,reorderPoint,low,updatedAt');
    expect(lines.slice(1).every((line) => line.startsWith(`${a.stores[0].code},`))).toBe(true);
    expect(lines).toHaveLength(3);
    const otherStore = await http().get(`/api/v1/inventory/levels/export?format=csv&storeId=${a.stores[1].id}`).set(bearer(a.cashier.accessToken));
    expect(otherStore.status).toBe(404);

    const ofB = expectStatus(await http().get('/api/v1/inventory/levels/export?format=csv').set(bearer(b.owner.accessToken)), 200).text;
    expect(ofB.trim().split('\r\n')).toHaveLength(1);
  });

  it('refuses a row whose SKU and barcode name different products, and posts nothing', async () => {
    const storeId = a.stores[1].id;
    const rows = [{ sku: 'CNT-1', barcode: '2222222222222', counted: 9 }];
    const dry = expectStatus(await importCounts(storeId, rows, true), 200).body;
    expect(dry.errors).toEqual([{ row: 1, field: 'barcode', message: 'barcode 2222222222222 is product CNT-2, not CNT-1' }]);
    const refused = await importCounts(storeId, rows, false);
    expect([refused.status, refused.body.code]).toEqual([422, ErrorCode.ImportInvalid]);
    const ledger = expectStatus(await http().get(`/api/v1/inventory/ledger?storeId=${storeId}`).set(bearer(a.owner.accessToken)), 200).body.items;
    expect(ledger.filter((entry: { delta: number }) => entry.delta === 9)).toEqual([]);
  });

  it('exports the stock ledger as CSV and xlsx, only for the stores the caller may see', async () => {
    const csv = expectStatus(await http().get('/api/v1/inventory/ledger/export?format=csv').set(bearer(a.owner.accessToken)), 200).text;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('createdAt,storeCode,sku,productName,delta,onHandAfter,reason,note');
    expect(lines.slice(1).some((line) => line.includes(',CNT-1,Counted CNT-1,7,7,count,'))).toBe(true);
    const xlsx = await http().get('/api/v1/inventory/ledger/export?format=xlsx').set(bearer(a.owner.accessToken)).buffer(true).parse(binaryBody);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(xlsx.body as Buffer, { type: 'buffer' }).Sheets['Ledger']);
    expect(rows).toHaveLength(lines.length - 1);
    expect(rows.every((row) => typeof row['Change'] === 'number')).toBe(true);
    const cashier = expectStatus(await http().get('/api/v1/inventory/ledger/export?format=csv').set(bearer(a.cashier.accessToken)), 200).text;
    expect(
      cashier
        .trim()
        .split('\r\n')
        .slice(1)
        .every((line) => line.split(',')[1] === a.stores[0].code),
    ).toBe(true);
    const ofB = expectStatus(await http().get('/api/v1/inventory/ledger/export?format=csv').set(bearer(b.owner.accessToken)), 200).text;
    expect(ofB.trim().split('\r\n')).toHaveLength(1);
  });

  it('picks and orders the columns of the levels and ledger exports by their CSV names, and refuses an unknown one', async () => {
    const levels = expectStatus(await http().get('/api/v1/inventory/levels/export?format=csv&columns=sku,onHand').set(bearer(a.owner.accessToken)), 200).text;
    const levelLines = levels.trim().split('\r\n');
    expect(levelLines[0]).toBe('sku,onHand');
    expect(levelLines.slice(1).every((line) => /^CNT-\d,-?\d+$/.test(line))).toBe(true);
    const levelsXlsx = await http()
      .get('/api/v1/inventory/levels/export?format=xlsx&columns=onHand,sku')
      .set(bearer(a.owner.accessToken))
      .buffer(true)
      .parse(binaryBody);
    const header = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(levelsXlsx.body as Buffer, { type: 'buffer' }).Sheets['Stock'], { header: 1 })[0];
    expect(header).toEqual(['On hand', 'SKU']);

    const ledger = expectStatus(
      await http().get('/api/v1/inventory/ledger/export?format=csv&columns=sku,delta,reason').set(bearer(a.owner.accessToken)),
      200,
    ).text;
    expect(ledger.trim().split('\r\n')[0]).toBe('sku,delta,reason');
    expect(ledger).toContain('CNT-1,7,count');

    for (const path of ['levels', 'ledger']) {
      const unknown = await http().get(`/api/v1/inventory/${path}/export?format=csv&columns=sku,colour`).set(bearer(a.owner.accessToken));
      expect([unknown.status, unknown.body.code, unknown.body.errors[0].field]).toEqual([400, ErrorCode.ValidationFailed, 'columns']);
    }
  });

  it("writes xlsx times as the shop's local time, naming its time zone in the header", async () => {
    expectStatus(await http().patch('/api/v1/tenant').set(bearer(a.owner.accessToken)).send({ timeZone: 'Asia/Tokyo' }), 200);
    const csv = expectStatus(await http().get('/api/v1/inventory/ledger/export?format=csv&columns=createdAt').set(bearer(a.owner.accessToken)), 200).text;
    const instants = csv.trim().split('\r\n').slice(1);
    const xlsx = await http()
      .get('/api/v1/inventory/ledger/export?format=xlsx&columns=createdAt')
      .set(bearer(a.owner.accessToken))
      .buffer(true)
      .parse(binaryBody);
    const sheet = XLSX.read(xlsx.body as Buffer, { type: 'buffer', cellNF: true }).Sheets['Ledger'];
    expect(sheet['A1'].v).toBe('When (Asia/Tokyo)');
    const tokyo = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'short' });
    // A spreadsheet shows a time rounded to the second before it drops the seconds (17:37:59.6 reads 17:38), as SSF does.
    const toTheSecond = (instant: string) => new Date(Math.round(Date.parse(instant) / 1000) * 1000);
    instants.forEach((instant, index) => {
      const cell = sheet[`A${index + 2}`];
      expect([cell.t, cell.z, XLSX.SSF.format('yyyy-mm-dd hh:mm', cell.v)]).toEqual(['n', 'yyyy-mm-dd hh:mm', tokyo.format(toTheSecond(instant))]);
    });
    expect(instants.length).toBeGreaterThan(0);
  });

  it("refuses a count for another shop's store", async () => {
    const response = await importCounts(b.stores[0].id, [{ sku: 'CNT-1', counted: 1 }], true);
    expect(response.status).toBe(404);
    expect(response.body.errors[0].field).toBe('storeId');
  });
});
