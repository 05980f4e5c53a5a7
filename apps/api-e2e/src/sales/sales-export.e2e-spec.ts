import * as XLSX from '@e965/xlsx';
import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { binaryBody } from '../support/binary-body';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';
import { salesFixtures } from './sales-fixtures';

describe('GET /sales/export', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const { newProduct, sell } = salesFixtures(() => api);
  const sales: { id: string; receiptNumber: number; totalMinor: number; storeId: string }[] = [];
  let voidedId: string;

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
    const product = await newProduct(a, { priceMinor: 1250, trackStock: false });
    for (const [store, quantity] of [
      [a.stores[0].id, 1],
      [a.stores[0].id, 2],
      [a.stores[1].id, 3],
    ] as const) {
      sales.push(
        expectStatus(
          await sell(a.manager.accessToken, {
            storeId: store,
            lines: [{ productId: product.id, quantity }],
            tenders: [{ type: 'card', amountMinor: 1250 * quantity }],
          }),
          201,
        ).body,
      );
    }
    voidedId = sales[1].id;
    expectStatus(await http().post(`/api/v1/sales/${voidedId}/void`).set(bearer(a.manager.accessToken)).send({ reason: 'Twice' }), 200);
    const [line] = expectStatus(await http().get(`/api/v1/sales/${sales[2].id}`).set(bearer(a.manager.accessToken)), 200).body.lines;
    expectStatus(
      await http()
        .post(`/api/v1/sales/${sales[2].id}/refunds`)
        .set(bearer(a.manager.accessToken))
        .send({ lines: [{ saleLineId: line.id, quantity: 1, restock: false }], tenders: [{ type: 'card', amountMinor: 1250 }], reason: 'Chipped' }),
      201,
    );
    // Another shop's sale never shows in a's export.
    const other = await newProduct(b, { priceMinor: 500, trackStock: false });
    expectStatus(
      await sell(b.manager.accessToken, {
        storeId: b.stores[0].id,
        lines: [{ productId: other.id, quantity: 1 }],
        tenders: [{ type: 'cash', amountMinor: 500 }],
      }),
      201,
    );
  });
  afterAll(() => api.close());

  const csvRows = (text: string) =>
    text
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));

  it("lists one row per sale, voided ones with their status, and the completed ones add up to the day's summary", async () => {
    const csv = csvRows(expectStatus(await http().get('/api/v1/sales/export?format=csv').set(bearer(a.owner.accessToken)), 200).text);
    const header = csv[0];
    const rows = csv.slice(1).map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index]])));
    expect(header).toEqual([
      'occurredAt',
      'receiptNumber',
      'status',
      'storeCode',
      'registerName',
      'customerName',
      'subtotalMinor',
      'discountMinor',
      'taxMinor',
      'totalMinor',
      'refundedMinor',
      'tenders',
      'offline',
      'flagged',
      'id',
    ]);
    expect(rows.map((row) => row['id']).sort()).toEqual(sales.map((sale) => sale.id).sort());
    expect(rows.find((row) => row['id'] === voidedId)?.['status']).toBe('voided');
    expect(rows.find((row) => row['id'] === sales[2].id)).toMatchObject({
      status: 'completed',
      refundedMinor: '1250',
      storeCode: a.stores[1].code,
      tenders: 'card 3750',
    });
    const completedTotal = rows.filter((row) => row['status'] === 'completed').reduce((sum, row) => sum + Number(row['totalMinor']), 0);
    const summary = expectStatus(await http().get('/api/v1/sales/summary').set(bearer(a.owner.accessToken)), 200).body;
    expect(completedTotal).toBe(summary.totalMinor);

    const xlsx = await http().get('/api/v1/sales/export?format=xlsx').set(bearer(a.owner.accessToken)).buffer(true).parse(binaryBody);
    expect(xlsx.status).toBe(200);
    const sheet = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(xlsx.body as Buffer, { type: 'buffer' }).Sheets['Sales']);
    expect(sheet).toHaveLength(3);
    expect(sheet.every((row) => typeof row['Total'] === 'number' && typeof row['Receipt'] === 'number')).toBe(true);

    const audit = expectStatus(await http().get('/api/v1/audit-logs?action=export&entityType=sale').set(bearer(a.owner.accessToken)), 200).body.items;
    expect(audit.map((entry: { metadata: { format: string; rows: number } }) => [entry.metadata.format, entry.metadata.rows])).toEqual([
      ['xlsx', 3],
      ['csv', 3],
    ]);
  });

  it("narrows by the list's filters and to the caller's stores and shop", async () => {
    const voided = csvRows(expectStatus(await http().get('/api/v1/sales/export?format=csv&status=voided').set(bearer(a.owner.accessToken)), 200).text);
    expect(voided.slice(1).map((cells) => cells[14])).toEqual([voidedId]);
    const later = new Date(Date.now() + 3_600_000).toISOString();
    expect(csvRows(expectStatus(await http().get(`/api/v1/sales/export?format=csv&from=${later}`).set(bearer(a.owner.accessToken)), 200).text)).toHaveLength(1);
    // The cashier is limited to the first store.
    const cashier = csvRows(expectStatus(await http().get('/api/v1/sales/export?format=csv').set(bearer(a.cashier.accessToken)), 200).text);
    expect(cashier.slice(1).every((cells) => cells[3] === a.stores[0].code)).toBe(true);
    expect(cashier).toHaveLength(3);
    const ofB = csvRows(expectStatus(await http().get('/api/v1/sales/export?format=csv').set(bearer(b.owner.accessToken)), 200).text);
    expect(ofB).toHaveLength(2);
    expect(ofB.slice(1).some((cells) => sales.some((sale) => sale.id === cells[14]))).toBe(false);
  });

  it('refuses a missing format and a malformed filter, naming the field', async () => {
    for (const [query, field] of [
      ['', 'format'],
      ['format=pdf', 'format'],
      ['format=csv&from=yesterday', 'from'],
      ['format=csv&storeId=1', 'storeId'],
    ]) {
      const refused = await http().get(`/api/v1/sales/export?${query}`).set(bearer(a.owner.accessToken));
      expect([refused.status, refused.body.code, refused.body.errors?.[0]?.field]).toEqual([400, ErrorCode.ValidationFailed, field]);
    }
  });
});
