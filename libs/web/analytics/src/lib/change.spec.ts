import { changeDirection, percentChange } from './change';

describe('percentChange', () => {
  it('is the change on the earlier figure, in %', () => {
    expect(percentChange(150, 100)).toBe(50);
    expect(percentChange(0, 80)).toBe(-100);
    expect(percentChange(-50, -100)).toBe(50);
  });

  it('has nothing to say without an earlier figure', () => {
    expect(percentChange(100, 0)).toBeNull();
    expect(percentChange(null, 10)).toBeNull();
    expect(percentChange(10, null)).toBeNull();
  });
});

describe('changeDirection', () => {
  it('reads a change that rounds to 0.0% as flat', () => {
    expect([changeDirection(12), changeDirection(-3), changeDirection(0.04), changeDirection(null)]).toEqual(['up', 'down', 'flat', 'none']);
  });
});
