import { monthWindows } from './month-windows';

describe('monthWindows', () => {
  it('covers the span month by month, clipped to its first and last day', () => {
    expect(monthWindows('2025-11-20', '2026-02-03')).toEqual([
      { fromDay: '2025-11-20', toDay: '2025-11-30' },
      { fromDay: '2025-12-01', toDay: '2025-12-31' },
      { fromDay: '2026-01-01', toDay: '2026-01-31' },
      { fromDay: '2026-02-01', toDay: '2026-02-03' },
    ]);
  });

  it('answers one window for a single day', () => {
    expect(monthWindows('2024-02-29', '2024-02-29')).toEqual([{ fromDay: '2024-02-29', toDay: '2024-02-29' }]);
  });
});
