import { listSource, matchesQuery } from './search-source';

const settings = { id: 'settings', title: 'Settings', keywords: ['preferences', 'shop'] };

describe('matchesQuery', () => {
  it('finds a result by any word of its title or keywords, ignoring case and accents', () => {
    expect(matchesQuery('sett', settings)).toBe(true);
    expect(matchesQuery('PREFÉRENCES', settings)).toBe(true);
    expect(matchesQuery('shop prefs', settings)).toBe(false);
  });

  it('matches everything for an empty query', () => {
    expect(matchesQuery('  ', settings)).toBe(true);
  });
});

describe('listSource', () => {
  it('returns only the results that match the query', async () => {
    const sut = listSource('actions', 'Actions', () => [settings, { id: 'pos', title: 'Open POS' }]);
    const results = await sut.search('pos', new AbortController().signal);
    expect(results.map((result) => result.id)).toEqual(['pos']);
  });
});
