import { waitedFor } from './waited-for';

describe('waitedFor', () => {
  const at = Date.parse('2026-11-30T12:00:00.000Z');
  it('says how long the oldest sale has waited in minutes, then hours and minutes', () => {
    expect(waitedFor('2026-11-30T11:59:30.000Z', at)).toBe('under a minute');
    expect(waitedFor('2026-11-30T11:48:00.000Z', at)).toBe('12 min');
    expect(waitedFor('2026-11-30T08:55:00.000Z', at)).toBe('3 h 5 min');
  });
});
