/** Rows for the gallery's DataTable, served by /ui/rows like an API list (`{ items, nextCursor }`). */
export type DemoRow = {
  id: string;
  name: string;
  sku: string;
  priceMinor: number;
  status: 'active' | 'archived';
  updatedAt: string;
};

export interface DemoRowsQuery {
  q?: string;
  status?: string;
  /** `name`, `-name`, `price`, `-price`. */
  sort?: string;
  cursor?: string;
  limit?: number;
}

const ADJECTIVES = ['Alpine', 'Bright', 'Crisp', 'Dark', 'Early', 'Fresh', 'Golden', 'Hearty', 'Island', 'Jolly', 'Kind', 'Lemon'];
const NOUNS = [
  'Apple',
  'Bread',
  'Coffee',
  'Dates',
  'Espresso',
  'Figs',
  'Granola',
  'Honey',
  'Ice Tea',
  'Jam',
  'Kale',
  'Lentils',
  'Mango',
  'Nuts',
  'Oats',
  'Pears',
  'Quince',
  'Rice',
  'Salt',
  'Tea',
];

export const DEMO_ROWS: readonly DemoRow[] = Array.from({ length: 240 }, (_, index) => {
  const name = `${ADJECTIVES[index % ADJECTIVES.length]} ${NOUNS[Math.floor(index / ADJECTIVES.length) % NOUNS.length]}`;
  return {
    id: `demo-${String(index + 1).padStart(3, '0')}`,
    name,
    sku: `DEMO-${String(index + 1).padStart(3, '0')}`,
    priceMinor: 99 + ((index * 737) % 4900),
    status: index % 7 === 3 ? 'archived' : 'active',
    updatedAt: new Date(Date.UTC(2026, 10, 1) + index * 3_600_000 * 5).toISOString(),
  };
});

const SORTS: Record<string, (a: DemoRow, b: DemoRow) => number> = {
  name: (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  price: (a, b) => a.priceMinor - b.priceMinor || a.id.localeCompare(b.id),
};

/** Filters, sorts and pages the demo rows as a cursor-paginated API would. */
export function demoRowsPage(query: DemoRowsQuery): { items: DemoRow[]; nextCursor: string | null } {
  const needle = query.q?.trim().toLowerCase();
  let rows = DEMO_ROWS.filter((row) => (!needle || `${row.name} ${row.sku}`.toLowerCase().includes(needle)) && (!query.status || row.status === query.status));
  const sort = query.sort?.replace(/^-/, '');
  if (sort && SORTS[sort]) {
    rows = [...rows].sort(SORTS[sort]);
    if (query.sort?.startsWith('-')) rows.reverse();
  }
  const offset = Math.max(0, Number(query.cursor ?? 0) || 0);
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const items = rows.slice(offset, offset + limit);
  return { items, nextCursor: offset + limit < rows.length ? String(offset + limit) : null };
}
