import { demoRowsPage } from './demo-rows';

describe('demoRowsPage', () => {
  it('pages with a cursor until the rows run out', () => {
    const first = demoRowsPage({ limit: 100 });
    const second = demoRowsPage({ limit: 100, cursor: first.nextCursor ?? undefined });
    const third = demoRowsPage({ limit: 100, cursor: second.nextCursor ?? undefined });
    expect([first.items.length, second.items.length, third.items.length]).toEqual([100, 100, 40]);
    expect(third.nextCursor).toBeNull();
  });

  it('filters by text and status and sorts both ways', () => {
    const archived = demoRowsPage({ status: 'archived', limit: 200 }).items;
    expect(archived.every((row) => row.status === 'archived')).toBe(true);
    expect(demoRowsPage({ q: 'honey', limit: 200 }).items.every((row) => row.name.includes('Honey'))).toBe(true);
    const ascending = demoRowsPage({ sort: 'price', limit: 200 }).items.map((row) => row.priceMinor);
    const descending = demoRowsPage({ sort: '-price', limit: 200 }).items.map((row) => row.priceMinor);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(descending[0]).toBeGreaterThanOrEqual(descending[descending.length - 1]);
  });
});
