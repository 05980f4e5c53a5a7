import { apiFilters, filtersFromSearch, searchOfFilters } from './analytics-filters';

describe('filtersFromSearch', () => {
  it('defaults to the 90 days up to the shop’s today and every store, as the API does', () => {
    expect(filtersFromSearch(new URLSearchParams(), '2026-11-30')).toEqual({ from: '2026-09-02', to: '2026-11-30', storeId: undefined });
  });

  it('reads the days and the store a card linked with', () => {
    const search = new URLSearchParams('from=2026-11-24&to=2026-11-30&storeId=0192c0de-0000-7000-8000-000000000001');
    expect(filtersFromSearch(search, '2026-11-30')).toEqual({ from: '2026-11-24', to: '2026-11-30', storeId: '0192c0de-0000-7000-8000-000000000001' });
  });

  it('ignores days that are not calendar days and swaps a range given backwards', () => {
    expect(filtersFromSearch(new URLSearchParams('from=2026-02-30&to=2026-03-10'), '2026-11-30')).toEqual({
      from: '2025-12-11',
      to: '2026-03-10',
      storeId: undefined,
    });
    expect(filtersFromSearch(new URLSearchParams('from=2026-03-10&to=2026-03-01'), '2026-11-30').from).toBe('2026-03-01');
  });
});

describe('searchOfFilters and apiFilters', () => {
  it('round-trips through the URL', () => {
    const filters = { from: '2026-11-01', to: '2026-11-30', storeId: 'store-1' };
    expect(filtersFromSearch(new URLSearchParams(searchOfFilters(filters)), '2026-12-01')).toEqual(filters);
  });

  it('leaves the store out for every store', () => {
    expect(searchOfFilters({ from: '2026-11-01', to: '2026-11-30' })).toBe('?from=2026-11-01&to=2026-11-30');
    expect(apiFilters({ from: '2026-11-01', to: '2026-11-30', storeId: undefined })).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
});
