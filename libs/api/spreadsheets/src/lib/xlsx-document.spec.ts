import * as XLSX from '@e965/xlsx';
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { excelSerialIn, minorUnitDigits, SheetColumn, XlsxSheetWriter } from './xlsx-document';

interface Item {
  name: string;
  priceMinor: number;
  updatedAt: string;
}

const columns: SheetColumn<Item>[] = [
  { header: 'Name', type: 'text', value: (item) => item.name },
  { header: 'Price', type: 'money', value: (item) => item.priceMinor },
  { header: 'Updated', type: 'date', value: (item) => item.updatedAt },
];

/** The rows written in two pages through the streaming writer, as the bytes of the file. */
async function xlsxOf(rows: Item[]): Promise<Buffer> {
  const output = new PassThrough();
  const bytes = buffer(output);
  const writer = new XlsxSheetWriter(output, 'Products', columns, { currency: 'EUR', timeZone: 'Europe/Berlin' }, rows.slice(0, 1));
  await writer.write(rows.slice(0, 1));
  await writer.write(rows.slice(1));
  await writer.end();
  return bytes;
}

describe('XlsxSheetWriter', () => {
  let sut: Buffer;
  let sheet: XLSX.WorkSheet;
  beforeAll(async () => {
    sut = await xlsxOf([
      { name: 'Organic Bananas', priceMinor: 299, updatedAt: '2026-11-26T09:30:00.000Z' },
      { name: '=HYPERLINK("x")', priceMinor: 1000, updatedAt: '2026-07-01T09:30:00.000Z' },
    ]);
    sheet = XLSX.read(sut, { type: 'buffer', cellNF: true, cellStyles: true }).Sheets['Products'];
  });

  it('writes the header, money as numbers in the currency format, and dates as dates', () => {
    expect(sheet['A1'].v).toBe('Name');
    expect(sheet['B2']).toMatchObject({ t: 'n', v: 2.99, z: '#,##0.00 "EUR"' });
    expect(sheet['C2']).toMatchObject({ t: 'n', z: 'yyyy-mm-dd hh:mm' });
  });

  it("shows times in the shop's time zone, summer time included, and names the zone in the header", () => {
    expect(sheet['C1'].v).toBe('Updated (Europe/Berlin)');
    expect(XLSX.SSF.format('yyyy-mm-dd hh:mm', sheet['C2'].v)).toBe('2026-11-26 10:30');
    expect(XLSX.SSF.format('yyyy-mm-dd hh:mm', sheet['C3'].v)).toBe('2026-07-01 11:30');
    expect(XLSX.SSF.parse_date_code(excelSerialIn('2026-11-26T23:30:00.000Z', 'Asia/Tokyo'))).toMatchObject({ y: 2026, m: 11, d: 27, H: 8, M: 30 });
  });

  it('neutralizes text a spreadsheet would run as a formula', () => {
    expect(sheet['A3']).toMatchObject({ t: 's', v: `'=HYPERLINK("x")` });
    expect(sheet['A3'].f).toBeUndefined();
  });

  it('fits column widths and freezes the header row', () => {
    const nameColumn = sheet['!cols']?.[0];
    expect(nameColumn?.wch ?? nameColumn?.width).toBeGreaterThanOrEqual('Organic Bananas'.length);
    const xml = Buffer.from(XLSX.CFB.find(XLSX.CFB.read(sut, { type: 'buffer' }), '/xl/worksheets/sheet1.xml')!.content as Uint8Array).toString();
    expect(xml).toContain('state="frozen"');
  });

  it('keeps text with markup, spaces at either end and empty text as it was, and leaves an empty value empty', async () => {
    const awkward = await xlsxOf([
      { name: ' Tea & <Biscuits> "2" ', priceMinor: 0, updatedAt: '2026-11-26T09:30:00.000Z' },
      { name: '', priceMinor: 1, updatedAt: '2026-11-26T09:30:00.000Z' },
    ]);
    const read = XLSX.read(awkward, { type: 'buffer' }).Sheets['Products'];
    expect(read['A2']).toMatchObject({ t: 's', v: ' Tea & <Biscuits> "2" ' });
    expect(read['B2']).toMatchObject({ t: 'n', v: 0 });
    expect(read['A3']).toMatchObject({ t: 's', v: '' });
    const nulls = new PassThrough();
    const bytes = buffer(nulls);
    const writer = new XlsxSheetWriter<Item>(
      nulls,
      'Products',
      [...columns, { header: 'Cost', type: 'money', value: () => null }],
      { currency: 'EUR', timeZone: 'UTC' },
      [],
    );
    await writer.write([{ name: 'No cost', priceMinor: 1, updatedAt: '2026-11-26T09:30:00.000Z' }]);
    await writer.end();
    expect(XLSX.read(await bytes, { type: 'buffer' }).Sheets['Products']['D2']).toBeUndefined();
  });

  it('knows how many decimals a currency has', () => {
    expect([minorUnitDigits('EUR'), minorUnitDigits('JPY'), minorUnitDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it('stops writing once the output is closed (a client that went away), instead of waiting for it forever', async () => {
    const output = new PassThrough({ highWaterMark: 16 });
    const writer = new XlsxSheetWriter(output, 'Products', columns, { currency: 'EUR', timeZone: 'Europe/Berlin' }, []);
    const rows = Array.from({ length: 5_000 }, (_, i) => ({ name: `Product ${i}`, priceMinor: i, updatedAt: '2026-11-26T09:30:00.000Z' }));
    const writing = (async () => {
      for (let page = 0; page < 20; page++) await writer.write(rows);
    })();
    setTimeout(() => output.destroy(), 50);
    await expect(writing).rejects.toThrow('closed before the last row');
  });
});
