import { isLowStock } from './inventory';

describe('isLowStock', () => {
  it('is low at or below the reorder point', () => {
    expect(isLowStock(5, 5)).toBe(true);
    expect(isLowStock(-2, 0)).toBe(true);
    expect(isLowStock(6, 5)).toBe(false);
  });

  it('is never low without a reorder point', () => {
    expect(isLowStock(-100, null)).toBe(false);
  });
});
