import { countBody, countScanned, setCounted, summarizeCount, transferBodyLines, transferScanned, varianceOf, type CountLine } from './stock-sheet';

const tea = { productId: 'tea', name: 'Assam tea', sku: 'TEA-1' };
const oat = { productId: 'oat', name: 'Oat milk', sku: 'OAT-1' };

describe('the count sheet', () => {
  it('counts one unit per scan and adds a product it has not seen at the end', () => {
    let lines: CountLine[] = [];
    lines = countScanned(lines, tea, 5);
    lines = countScanned(lines, oat, 0);
    lines = countScanned(lines, tea, 5);
    expect(lines.map((line) => [line.productId, line.onHand, line.counted])).toEqual([
      ['tea', 5, 2],
      ['oat', 0, 1],
    ]);
  });

  it('shows the variance as counted minus on hand, and none before a count', () => {
    expect(varianceOf({ ...tea, onHand: 5, counted: 3 })).toBe(-2);
    expect(varianceOf({ ...tea, onHand: -1, counted: 2 })).toBe(3);
    expect(varianceOf({ ...tea, onHand: 5, counted: null })).toBeNull();
  });

  it('sums what posting will book, leaving uncounted lines out of the summary and of the body', () => {
    const lines: CountLine[] = [
      { ...tea, onHand: 5, counted: 3 },
      { ...oat, onHand: 2, counted: 6 },
      { productId: 'jam', name: 'Jam', sku: 'JAM-1', onHand: 4, counted: 4 },
      { productId: 'rye', name: 'Rye', sku: 'RYE-1', onHand: 9, counted: null },
    ];
    expect(summarizeCount(lines)).toEqual({ counted: 3, differing: 2, unitsOver: 4, unitsShort: 2 });
    expect(countBody('store', lines)).toEqual({
      storeId: 'store',
      lines: [
        { productId: 'tea', counted: 3 },
        { productId: 'oat', counted: 6 },
        { productId: 'jam', counted: 4 },
      ],
    });
    expect(countBody('store', setCounted(lines, 'tea', null)).lines.map((line) => line.productId)).toEqual(['oat', 'jam']);
  });
});

describe('the transfer list', () => {
  it('adds a unit per scan and sends only lines with a quantity', () => {
    let lines = transferScanned([], tea);
    lines = transferScanned(lines, tea);
    lines = transferScanned(lines, oat);
    expect(transferBodyLines(lines)).toEqual([
      { productId: 'tea', quantity: 2 },
      { productId: 'oat', quantity: 1 },
    ]);
    expect(transferBodyLines(lines.map((line) => (line.productId === 'oat' ? { ...line, quantity: null } : line)))).toEqual([
      { productId: 'tea', quantity: 2 },
    ]);
  });
});
