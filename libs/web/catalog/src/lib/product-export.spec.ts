import { productExportColumns, productExportFilters } from './product-export';

describe('the products export of a table view', () => {
  it('names the visible columns as the export does, in the table order', () => {
    expect(productExportColumns(['name', 'price', 'status', 'barcodes'])).toBe('name,priceMinor,active,barcodes');
  });

  it('passes only the filters that are set, typed', () => {
    expect(productExportFilters({ q: 'tea', active: 'false' })).toEqual({ q: 'tea', active: false });
    expect(productExportFilters({})).toEqual({});
  });
});
