import { countedEntries, countTotal, stepCount } from './denomination-count';

describe('the drawer count', () => {
  it('adds notes and coins up in minor units and sends only what was counted, largest first', () => {
    const counts = { 1: 4, 200: 3, 5000: 2, 2000: 0, 1000: 1 };
    expect(countTotal(counts)).toBe(2 * 5000 + 1000 + 3 * 200 + 4);
    expect(countedEntries(counts)).toEqual([
      { valueMinor: 5000, count: 2 },
      { valueMinor: 1000, count: 1 },
      { valueMinor: 200, count: 3 },
      { valueMinor: 1, count: 4 },
    ]);
  });

  it('steps a count up and down, never below zero', () => {
    let sut = stepCount({}, 500, 1);
    sut = stepCount(sut, 500, 1);
    expect(sut).toEqual({ 500: 2 });
    expect(stepCount(stepCount(sut, 500, -1), 500, -5)).toEqual({ 500: 0 });
    expect(countTotal({})).toBe(0);
  });
});
