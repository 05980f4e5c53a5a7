import { addDays, dayIn, dayRangeInstants, formatDay, isIsoDay, presetRanges, startOfDay } from './zoned-date';

describe('dayIn', () => {
  it("is the shop's day, not the device's or UTC's", () => {
    const lateEvening = new Date('2026-11-28T23:30:00Z');
    expect(dayIn(lateEvening, 'Europe/Berlin')).toBe('2026-11-29');
    expect(dayIn(lateEvening, 'America/New_York')).toBe('2026-11-28');
    expect(dayIn(lateEvening, 'UTC')).toBe('2026-11-28');
  });
});

describe('startOfDay', () => {
  it("is local midnight in the shop's zone", () => {
    expect(startOfDay('2026-11-29', 'Europe/Berlin').toISOString()).toBe('2026-11-28T23:00:00.000Z');
    expect(startOfDay('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfDay('2026-11-29', 'Asia/Kolkata').toISOString()).toBe('2026-11-28T18:30:00.000Z');
  });

  it('spans 23 and 25 hours on the days the clocks change', () => {
    const hours = (day: string) => (startOfDay(addDays(day, 1), 'Europe/Berlin').getTime() - startOfDay(day, 'Europe/Berlin').getTime()) / 3_600_000;
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
  });

  it('starts at the first valid minute where midnight does not exist', () => {
    // Chile moves from 00:00 to 01:00 in September.
    expect(startOfDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('refuses what is not a calendar day', () => {
    expect(() => startOfDay('2026-02-30', 'UTC')).toThrow(RangeError);
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('28.02.2026')).toBe(false);
  });
});

describe('dayRangeInstants', () => {
  it('covers from the start of the first day to the start of the day after the last', () => {
    expect(dayRangeInstants('2026-11-01', '2026-11-30', 'Europe/Berlin')).toEqual({
      from: '2026-10-31T23:00:00.000Z',
      to: '2026-11-30T23:00:00.000Z',
    });
  });
});

describe('presetRanges', () => {
  it("counts from the shop's today", () => {
    const ranges = Object.fromEntries(presetRanges('2026-03-02').map((preset) => [preset.id, preset.range]));
    expect(ranges['yesterday']).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(ranges['last-7']).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(ranges['this-month']).toEqual({ from: '2026-03-01', to: '2026-03-02' });
  });
});

describe('formatDay', () => {
  it("writes the day in the shop's locale whatever the device's zone", () => {
    expect(formatDay('2026-11-29', 'de-DE')).toBe('29.11.2026');
    expect(formatDay('2026-11-29', 'en-US')).toBe('Nov 29, 2026');
  });
});

describe('the wall clock of a zone', () => {
  afterEach(() => jest.restoreAllMocks());

  it('is made once per zone, however many days are read in it', () => {
    const made = jest.spyOn(Intl, 'DateTimeFormat');
    const zone = 'Pacific/Chatham';
    for (let hour = 0; hour < 48; hour++) dayIn(new Date(Date.UTC(2026, 2, 1, hour)), zone);
    startOfDay('2026-03-02', zone);
    expect(made.mock.calls.filter(([, options]) => options?.timeZone === zone)).toHaveLength(1);
  });
});
