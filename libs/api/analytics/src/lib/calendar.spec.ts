import { addDays, daysBetween, todayIn } from './calendar';

describe('calendar days', () => {
  it('moves by whole calendar days across a daylight-saving change', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-01', '2026-05-29')).toBe(90);
  });

  it("answers today's date in the shop's time zone", () => {
    expect(todayIn('Europe/Berlin', new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(todayIn('America/New_York', new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    // Again, from the formatter each zone keeps.
    expect(todayIn('Europe/Berlin', new Date('2026-03-29T21:59:00Z'))).toBe('2026-03-29');
    expect(todayIn('Europe/Berlin', new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
  });
});
