import * as XLSX from '@e965/xlsx';
import request from 'supertest';
import { uuidv7 } from '@kassa/contracts';
import { binaryBody } from '../support/binary-body';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

describe('product export', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
    for (const [shop, name, priceMinor] of [
      [a, 'Organic Bananas', 299],
      [a, '=HYPERLINK("x")', 1000],
      [b, 'Only in B', 500],
    ] as const) {
      expectStatus(
        await http()
          .post('/api/v1/products')
          .set(bearer(shop.owner.accessToken))
          .send({ sku: `EX-${uuidv7().slice(-8)}`, name, priceMinor, barcodes: [`9${Date.now()}${priceMinor}`] }),
        201,
      );
    }
  });
  afterAll(() => api.close());

  it('writes CSV with raw values, an optional BOM and formula-looking names neutralized, for its own shop only', async () => {
    const response = await http().get('/api/v1/products/export?format=csv&bom=true').set(bearer(a.owner.accessToken));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.text.startsWith('\uFEFFsku,name,category,barcodes,unit,priceMinor')).toBe(true);
    const lines = response.text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(response.text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(response.text).toContain(',299,');
    expect(response.text).not.toContain('Only in B');
  });

  it('writes xlsx with a header, money as numbers in the currency format, dates as dates and fitted widths', async () => {
    const response = await http().get('/api/v1/products/export?format=xlsx').set(bearer(a.owner.accessToken)).buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    const sheet = XLSX.read(response.body as Buffer, { type: 'buffer', cellDates: true, cellNF: true, cellStyles: true }).Sheets['Products'];
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['SKU', 'Name', 'Price', 'Updated (Europe/Berlin)']));
    const bananas = rows.find((row) => row['Name'] === 'Organic Bananas');
    expect(bananas?.['Price']).toBe(2.99);
    expect(bananas?.['Updated (Europe/Berlin)']).toBeInstanceOf(Date);
    expect(rows.map((row) => row['Name'])).toContain(`'=HYPERLINK("x")`);
    expect(rows.map((row) => row['Name'])).not.toContain('Only in B');
    const priceCell = Object.entries(sheet).find(([address, cell]) => address.startsWith('F') && address !== 'F1' && (cell as XLSX.CellObject).t === 'n');
    expect((priceCell?.[1] as XLSX.CellObject).z).toBe('#,##0.00 "EUR"');
    expect(sheet['!cols']?.length).toBe(13);
  });

  it('is audited as an export', async () => {
    const audit = expectStatus(await http().get('/api/v1/audit-logs?action=export&entityType=product').set(bearer(a.owner.accessToken)), 200).body.items;
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit[0].metadata).toMatchObject({ rows: 2 });
  });

  it('refuses an unknown format, naming the field', async () => {
    const response = await http().get('/api/v1/products/export?format=pdf').set(bearer(a.owner.accessToken));
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('format');
  });
});
