import { isLowStock, stockStateOf } from './inventory';

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

describe('stockStateOf', () => {
  it('is out at or below zero whatever the reorder point, low at or below it, in otherwise', () => {
    expect(stockStateOf(0, null)).toBe('out');
    expect(stockStateOf(-3, 5)).toBe('out');
    expect(stockStateOf(5, 5)).toBe('low');
    expect(stockStateOf(6, 5)).toBe('in');
    expect(stockStateOf(1, null)).toBe('in');
  });
});
