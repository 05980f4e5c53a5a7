import { sequenceRuns } from './sequence-runs';

describe('sequenceRuns', () => {
  it('groups consecutive numbers, in any order and with repeats, into ascending ranges', () => {
    expect(sequenceRuns([8, 1, 3, 2, 7, 3, 12])).toEqual([
      [1, 3],
      [7, 8],
      [12, 12],
    ]);
  });

  it('gives one range for a stamped batch and none for no events', () => {
    expect(sequenceRuns(Array.from({ length: 500 }, (_, index) => 1001 + index))).toEqual([[1001, 1500]]);
    expect(sequenceRuns([])).toEqual([]);
  });
});
