import { isCalendarDate, isTimestamp } from './validators';

describe('isCalendarDate', () => {
  it.each(['2026-11-26', '2024-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each(['2024-02-30', '2023-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '0000-01-01', '2026-1-1', '26-11-2026', 20261126, null])(
    'refuses %j',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );
});

describe('isTimestamp', () => {
  it.each([
    '2026-11-26T09:30:00.000Z',
    '2026-11-26T09:30:00Z',
    '2026-11-26T09:30Z',
    '2026-11-26T09:30:00+01:00',
    '2026-11-26 09:30:00-0530',
    '2026-11-26',
    '2024-02-29T23:59:59.999999Z',
  ])('accepts %s', (value) => {
    expect(isTimestamp(value)).toBe(true);
  });

  it.each([
    '2024-02-30T10:00:00Z',
    '2026-11-26T24:00:00Z',
    '2026-11-26T09:60:00Z',
    '2026-11-26T09:30:61Z',
    '2026-11-26T09:30:00+15:00',
    '0000-01-01T00:00:00Z',
    '2026-W48-4',
    'yesterday',
    '',
  ])('refuses %j', (value) => {
    expect(isTimestamp(value)).toBe(false);
  });
});
