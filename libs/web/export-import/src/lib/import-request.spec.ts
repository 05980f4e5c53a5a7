import { importForm } from './import-request';

describe('the import form', () => {
  it('carries the file, the confirmed mapping, the dry-run flag and the store of a count', async () => {
    const form = importForm(new Blob(['SKU\nA\n'], { type: 'text/csv' }), 'list.csv', { Code: 'sku', Notes: null }, true, { storeId: 'store-1' });
    expect(form.get('mapping')).toBe('{"Code":"sku","Notes":null}');
    expect(form.get('dryRun')).toBe('true');
    expect(form.get('storeId')).toBe('store-1');
    const file = form.get('file') as File;
    expect([file.name, await file.text()]).toEqual(['list.csv', 'SKU\nA\n']);
  });
});
