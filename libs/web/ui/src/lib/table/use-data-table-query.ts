'use client';
import { useCallback, useMemo, useState } from 'react';

export interface DataTableSort {
  /** The column id, which is also the sort key the API takes. */
  id: string;
  desc: boolean;
}

/** What a list asks its API for: sort, filters and the cursor of the page (`{ items, nextCursor }` lists). */
export interface DataTableQuery {
  sort?: DataTableSort;
  /** Only filters that are set; empty ones are left out. */
  filters: Readonly<Record<string, string>>;
  cursor?: string;
  limit: number;
}

export interface DataTableQueryState {
  query: DataTableQuery;
  pageIndex: number;
  filterValues: Readonly<Record<string, string>>;
  filtered: boolean;
  setSort(sort: DataTableSort | undefined): void;
  setFilter(id: string, value: string): void;
  clearFilters(): void;
  /** Goes on to the page after this one, with the cursor this page answered. */
  nextPage(nextCursor: string): void;
  previousPage(): void;
}

export interface DataTableQueryOptions {
  pageSize?: number;
  initialSort?: DataTableSort;
  initialFilters?: Record<string, string>;
}

/**
 * The server-side state of a DataTable. Changing the sort or a filter starts again at the first page;
 * the cursors of the pages walked through are kept, so Previous needs no cursor from the API.
 */
export function useDataTableQuery({ pageSize = 50, initialSort, initialFilters = {} }: DataTableQueryOptions = {}): DataTableQueryState {
  const [sort, setSortState] = useState(initialSort);
  const [filterValues, setFilterValues] = useState<Record<string, string>>(initialFilters);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const pageIndex = cursors.length - 1;

  const restart = useCallback(() => setCursors([undefined]), []);
  const setSort = useCallback(
    (next: DataTableSort | undefined) => {
      setSortState(next);
      restart();
    },
    [restart],
  );
  const setFilter = useCallback(
    (id: string, value: string) => {
      setFilterValues((current) => ({ ...current, [id]: value }));
      restart();
    },
    [restart],
  );
  const clearFilters = useCallback(() => {
    setFilterValues({});
    restart();
  }, [restart]);
  const nextPage = useCallback((nextCursor: string) => setCursors((current) => [...current, nextCursor]), []);
  const previousPage = useCallback(() => setCursors((current) => (current.length > 1 ? current.slice(0, -1) : current)), []);

  const filters = useMemo(() => Object.fromEntries(Object.entries(filterValues).filter(([, value]) => value.trim() !== '')), [filterValues]);
  const cursor = cursors[pageIndex];
  const query = useMemo<DataTableQuery>(() => ({ sort, filters, cursor, limit: pageSize }), [sort, filters, cursor, pageSize]);
  return {
    query,
    pageIndex,
    filterValues,
    filtered: Object.keys(filters).length > 0,
    setSort,
    setFilter,
    clearFilters,
    nextPage,
    previousPage,
  };
}

/** The sort as most list APIs spell it: `name` ascending, `-name` descending. */
export function sortParameter(sort: DataTableSort | undefined): string | undefined {
  return sort ? `${sort.desc ? '-' : ''}${sort.id}` : undefined;
}
