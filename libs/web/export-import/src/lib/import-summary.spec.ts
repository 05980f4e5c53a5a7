import { canCommit, summarizeImport } from './import-summary';

describe('the dry run summary', () => {
  const result = {
    created: 2,
    updated: 1,
    unchanged: 5,
    errors: [
      { row: 9, line: 12, field: 'priceMinor', message: 'b' },
      { row: 2, line: 3, field: 'sku', message: 'a' },
      { row: 9, line: 12, field: 'barcodes', message: 'c' },
    ],
    notes: [{ row: 1, line: 2, field: 'barcodes', message: 'leading zeros restored' }],
    unknownColumns: [],
  };

  it("counts the outcomes and lists the errors in the file's order", () => {
    const summary = summarizeImport(result);
    expect([summary.create, summary.update, summary.unchanged, summary.failing]).toEqual([2, 1, 5, 2]);
    expect(summary.errors.map((error) => `${error.line} ${error.field}`)).toEqual(['3 sku', '12 barcodes', '12 priceMinor']);
  });

  it('offers the commit only without errors and with something to write', () => {
    expect(canCommit(summarizeImport(result))).toBe(false);
    expect(canCommit(summarizeImport({ ...result, errors: [] }))).toBe(true);
    expect(canCommit(summarizeImport({ ...result, errors: [], created: 0, updated: 0 }))).toBe(false);
  });

  it('reads a count import as changes to on hand and counts already right', () => {
    const counted = { counted: 5, changed: 2, errors: [], notes: [], unknownColumns: [] };
    const summary = summarizeImport(counted);
    expect([summary.create, summary.update, summary.unchanged, summary.failing]).toEqual([0, 2, 3, 0]);
    expect(canCommit(summary)).toBe(true);
    expect(canCommit(summarizeImport({ ...counted, changed: 0 }))).toBe(false);
  });
});
