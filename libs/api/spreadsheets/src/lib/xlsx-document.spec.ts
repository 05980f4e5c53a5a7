import * as XLSX from '@e965/xlsx';
import { minorUnitDigits, SheetColumn, xlsxDocument } from './xlsx-document';

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

describe('xlsxDocument', () => {
  const sut = xlsxDocument(
    'Products',
    columns,
    [
      { name: 'Organic Bananas', priceMinor: 299, updatedAt: '2026-11-26T09:30:00.000Z' },
      { name: '=HYPERLINK("x")', priceMinor: 1000, updatedAt: '2026-11-25T12:00:00.000Z' },
    ],
    'EUR',
  );
  const sheet = XLSX.read(sut, { type: 'buffer', cellDates: true, cellNF: true, cellStyles: true }).Sheets['Products'];

  it('writes the header, money as numbers in the currency format, and dates as dates', () => {
    expect(sheet['A1'].v).toBe('Name');
    expect(sheet['B2']).toMatchObject({ t: 'n', v: 2.99, z: '#,##0.00 "EUR"' });
    expect(sheet['C2'].t).toBe('d');
    expect((sheet['C2'].v as Date).toISOString()).toBe('2026-11-26T09:30:00.000Z');
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

  it('knows how many decimals a currency has', () => {
    expect([minorUnitDigits('EUR'), minorUnitDigits('JPY'), minorUnitDigits('KWD')]).toEqual([2, 0, 3]);
  });
});
