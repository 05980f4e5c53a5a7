import { countOf } from './count-text';

describe('countOf', () => {
  it('uses the singular for exactly one, the plural for zero and more than one', () => {
    expect(countOf(1, 'product', 'products')).toBe('1 product');
    expect(countOf(0, 'product', 'products')).toBe('0 products');
    expect(countOf(2, 'entry has', 'entries have')).toBe('2 entries have');
  });
});
