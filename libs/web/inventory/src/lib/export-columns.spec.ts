import { ledgerExportColumns, levelExportColumns } from './export-columns';

describe('export columns from a table view', () => {
  it('sends the visible columns in the table order, by the export names, and leaves controls out', () => {
    expect(levelExportColumns(['product', 'onHand', 'low', 'adjust'])).toBe('sku,productName,onHand,low');
    expect(levelExportColumns(['onHand', 'store'])).toBe('onHand,storeCode,storeName');
  });

  it('maps the ledger table too', () => {
    expect(ledgerExportColumns(['when', 'product', 'delta', 'who', 'reference'])).toBe('createdAt,sku,productName,delta');
  });
});
