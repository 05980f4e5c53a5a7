import { IMPORT_FIELDS } from '@kassa/spreadsheet-core';
import { confirmedMapping, fieldLabel, fieldsMappedTwice, importFields, proposeMapping } from './column-mapping';

describe('the column mapping step', () => {
  it('proposes fields from the synonyms, in any language, and leaves unknown and read-only columns ignored', () => {
    expect(proposeMapping(['Preis', 'EAN', 'Bezeichnung', 'Artikelnummer', 'Lieferant', 'Updated (Europe/Berlin)'], 'products')).toEqual([
      { header: 'Preis', field: 'priceMinor', source: 'synonym' },
      { header: 'EAN', field: 'barcodes', source: 'synonym' },
      { header: 'Bezeichnung', field: 'name', source: 'synonym' },
      { header: 'Artikelnummer', field: 'sku', source: 'synonym' },
      { header: 'Lieferant', field: null, source: 'none' },
      { header: 'Updated (Europe/Berlin)', field: null, source: 'none' },
    ]);
  });

  it("prefers the shop's remembered mapping for the columns this file has, whatever their case", () => {
    const remembered = { code: 'sku', Preis: null, 'Not in this file': 'name' };
    expect(proposeMapping(['Code', 'Preis', 'Name'], 'products', remembered)).toEqual([
      { header: 'Code', field: 'sku', source: 'remembered' },
      { header: 'Preis', field: null, source: 'remembered' },
      { header: 'Name', field: 'name', source: 'synonym' },
    ]);
  });

  it('gives the confirmed mapping as the API takes it, and finds a field fed by two columns', () => {
    const columns = proposeMapping(['SKU', 'Artikelnummer', 'Name', ''], 'products');
    expect(confirmedMapping(columns)).toEqual({ SKU: 'sku', Artikelnummer: 'sku', Name: 'name' });
    expect(fieldsMappedTwice(columns)).toEqual(['sku']);
    expect(fieldsMappedTwice(columns.map((column) => (column.header === 'SKU' ? { ...column, field: null } : column)))).toEqual([]);
  });

  it('offers the fields of each import, without the read-only ones', () => {
    expect(importFields('counts')).toEqual(expect.arrayContaining(['sku', 'barcode', 'counted']));
    expect(importFields('products')).not.toContain('updatedAt');
  });

  it('names every field of both imports in words', () => {
    const unnamed = [...IMPORT_FIELDS.products, ...IMPORT_FIELDS.counts].map((field) => field.name).filter((name) => fieldLabel(name) === name);
    expect(unnamed).toEqual([]);
    expect(fieldLabel('priceMinor')).toBe('Price');
  });
});
