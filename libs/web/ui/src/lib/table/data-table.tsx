'use client';
import {
  columnVisibilityFeature,
  functionalUpdate,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type Row,
  type RowData,
  type RowSelectionState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from '../button/button';
import { Checkbox } from '../choice/checkbox';
import { cx } from '../class-names';
import { ColumnsIcon, DownloadIcon, SortAscendingIcon, SortDescendingIcon, SortNoneIcon } from '../icons';
import { Pagination } from '../layout/pagination';
import { Toolbar } from '../layout/toolbar';
import { ConfirmDialog } from '../overlay/confirm-dialog';
import { EmptyState, ProblemState, type ProblemKind } from '../states/states';
import { VisuallyHidden } from '../visually-hidden';
import { loadColumnVisibility, saveColumnVisibility, type ColumnVisibility } from './column-preferences';
import styles from './data-table.module.css';
import type { DataTableQuery, DataTableQueryState } from './use-data-table-query';

export interface DataTableColumn<T> {
  /** Also the sort key sent to the API when the column is sortable. */
  id: string;
  header: string;
  cell(row: T): ReactNode;
  /** The API can sort by it. */
  sortable?: boolean;
  /** May be hidden from the Columns menu (default true). */
  hideable?: boolean;
  /** Hidden until the person shows it. */
  hiddenByDefault?: boolean;
  align?: 'start' | 'end';
  width?: string;
}

export interface DataTableBulkAction<T> {
  id: string;
  label: string;
  tone?: 'primary' | 'danger';
  /** Asks before running; `{count}` in the title is the number of rows. */
  confirm?: { title: string; confirmLabel: string; description?: string };
  /** Gets the selected rows (all pages walked through) and their ids; the selection clears after it succeeds. */
  run(rows: T[], ids: string[]): void | Promise<void>;
}

/** What an export is asked for: the list as filtered and sorted now, the visible columns, and the selection if any. */
export interface DataTableExportRequest {
  query: Omit<DataTableQuery, 'cursor'>;
  columns: string[];
  selectedIds: string[];
}

export interface DataTableProps<T extends RowData> {
  /** Names the table for screen readers (`Products`). */
  label: string;
  columns: readonly DataTableColumn<T>[];
  rowId(row: T): string;
  /** Names a row in its checkbox (`Select Assam tea`). */
  rowLabel(row: T): string;
  state: DataTableQueryState;
  page: { items: T[]; nextCursor: string | null } | undefined;
  loading: boolean;
  /** A newer page is being fetched while the last one shows. */
  refreshing?: boolean;
  failure?: { kind: ProblemKind; retry(): void };
  /** Enter or a click opens a row. */
  onOpen?(row: T): void;
  bulkActions?: readonly DataTableBulkAction<T>[];
  /** Filters for the toolbar, bound to `state.setFilter`. */
  filters?: ReactNode;
  /** Shows Export; the spreadsheet work plugs in here. */
  onExport?(request: DataTableExportRequest): void;
  /** Remembers hidden columns on this device under this key; include the user's id so each person keeps theirs. */
  preferencesKey?: string;
  empty?: { title: string; description?: string; actions?: ReactNode };
  /** Render only the rows in view once a page has more than this many. */
  virtualizeAbove?: number;
  /**
   * One growing list instead of pages: `page` holds every row loaded so far and this loads the rows after
   * `page.nextCursor`, called as the end of the list scrolls near (and from a "Load more" button for keyboards).
   */
  onLoadMore?(): void;
}

const features = tableFeatures({ rowSortingFeature, rowSelectionFeature, columnVisibilityFeature });
type Features = typeof features;
const SELECT_COLUMN = '__select';
const NO_ROWS: never[] = [];
const PAGE_JUMP = 10;

function initialVisibility<T>(columns: readonly DataTableColumn<T>[], key: string | undefined): ColumnVisibility {
  const defaults = Object.fromEntries(columns.filter((column) => column.hiddenByDefault).map((column) => [column.id, false]));
  return { ...defaults, ...loadColumnVisibility(key) };
}

/**
 * A server-driven list: sorting, filters and cursor pages go to the API through `state`; rows are
 * chosen with arrows, opened with Enter and selected with Space; hidden columns are remembered;
 * loading, empty and failed states are built in.
 */
export function DataTable<T extends RowData>({
  label,
  columns,
  rowId,
  rowLabel,
  state,
  page,
  loading,
  refreshing,
  failure,
  onOpen,
  bulkActions,
  filters,
  onExport,
  preferencesKey,
  empty,
  virtualizeAbove = 100,
  onLoadMore,
}: DataTableProps<T>) {
  const captionId = useId();
  const items = page?.items ?? (NO_ROWS as T[]);
  const selectable = (bulkActions?.length ?? 0) > 0;
  // Rows that open or can be selected make an interactive grid; otherwise it is a plain table.
  const interactive = selectable || onOpen !== undefined;
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [visibility, setVisibility] = useState<ColumnVisibility>(() => initialVisibility(columns, preferencesKey));
  const selectedRows = useRef(new Map<string, T>());

  // Rows picked on earlier pages stay picked; a new sort or filter starts the selection over.
  const { sort, filters: activeFilters } = state.query;
  const [selectionScope, setSelectionScope] = useState({ sort, activeFilters });
  if (selectionScope.sort !== sort || selectionScope.activeFilters !== activeFilters) {
    setSelectionScope({ sort, activeFilters });
    setRowSelection({});
    selectedRows.current.clear();
  }

  const tableColumns = useMemo<ColumnDef<Features, T>[]>(() => {
    const data: ColumnDef<Features, T>[] = columns.map((column) => ({
      id: column.id,
      // The server sorts; TanStack only lets accessor columns sort, and a text value makes ascending the first order.
      accessorFn: () => '',
      header: column.header,
      cell: ({ row }) => column.cell(row.original),
      enableSorting: column.sortable ?? false,
      enableHiding: column.hideable ?? true,
    }));
    return selectable ? [{ id: SELECT_COLUMN, header: '', enableSorting: false, enableHiding: false }, ...data] : data;
  }, [columns, selectable]);

  const table = useTable({
    features,
    columns: tableColumns,
    data: items,
    getRowId: (row: T) => rowId(row),
    manualSorting: true,
    enableMultiSort: false,
    enableRowSelection: selectable,
    enableRowRangeSelection: false,
    state: { sorting: sort ? [sort] : [], rowSelection, columnVisibility: visibility },
    onSortingChange: (updater) => state.setSort(functionalUpdate(updater, sort ? [sort] : [])[0]),
    onRowSelectionChange: (updater) => {
      setRowSelection((current) => {
        const next = functionalUpdate(updater, current);
        for (const row of items) {
          const id = rowId(row);
          if (next[id]) selectedRows.current.set(id, row);
          else selectedRows.current.delete(id);
        }
        return next;
      });
    },
    onColumnVisibilityChange: (updater) => {
      setVisibility((current) => {
        const next = functionalUpdate(updater, current);
        saveColumnVisibility(preferencesKey, next);
        return next;
      });
    },
  });

  const rows = table.getRowModel().rows;
  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const visibleColumns = table.getVisibleLeafColumns();
  const definitionOf = (id: string) => columns.find((column) => column.id === id);

  // Keyboard: one row is in the tab order; arrows move it, and it follows the page.
  const [active, setActive] = useState(0);
  const [focusWanted, setFocusWanted] = useState(false);
  const [seenItems, setSeenItems] = useState(items);
  if (seenItems !== items) {
    setSeenItems(items);
    // Rows added at the end of a growing list keep the row in the tab order where it was.
    if (!onLoadMore || items[0] !== seenItems[0]) setActive(0);
  }
  const scroller = useRef<HTMLDivElement>(null);
  const rowElements = useRef(new Map<number, HTMLTableRowElement>());
  // A growing list is always virtualized: what is in view decides when the next rows load.
  const virtualize = onLoadMore !== undefined || rows.length > virtualizeAbove;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 44,
    overscan: 8,
    enabled: virtualize,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  // After every render: a row scrolled to in a long list is only there once the virtualizer has re-rendered.
  useEffect(() => {
    if (!focusWanted) return;
    const row = rowElements.current.get(active);
    if (!row) return;
    row.focus();
    setFocusWanted(false);
  });

  const moveTo = (index: number) => {
    const next = Math.min(Math.max(index, 0), rows.length - 1);
    setActive(next);
    if (virtualize) virtualizer.scrollToIndex(next, { align: 'auto' });
    setFocusWanted(true);
  };
  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, row: Row<Features, T>, index: number) => {
    if (event.target !== event.currentTarget) return;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: rows.length - 1,
      PageDown: index + PAGE_JUMP,
      PageUp: index - PAGE_JUMP,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]);
    } else if (event.key === 'Enter' && onOpen) {
      event.preventDefault();
      onOpen(row.original);
    } else if (event.key === ' ' && selectable) {
      event.preventDefault();
      row.toggleSelected();
    }
  };

  const [confirming, setConfirming] = useState<DataTableBulkAction<T>>();
  const [running, setRunning] = useState<string>();
  const runBulk = async (action: DataTableBulkAction<T>) => {
    setRunning(action.id);
    try {
      await action.run(
        selectedIds.map((id) => selectedRows.current.get(id)).filter((row): row is T => row !== undefined),
        selectedIds,
      );
      setRowSelection({});
      selectedRows.current.clear();
    } finally {
      setRunning(undefined);
    }
  };

  const [columnsOpen, setColumnsOpen] = useState(false);
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());
  const toolbarActions = (
    <>
      {hideable.length > 0 && (
        <ColumnsMenu
          open={columnsOpen}
          onOpenChange={setColumnsOpen}
          columns={hideable.map((column) => ({
            id: column.id,
            header: definitionOf(column.id)?.header ?? column.id,
            visible: column.getIsVisible(),
            toggle: () => column.toggleVisibility(),
          }))}
        />
      )}
      {onExport && (
        <Button
          onClick={() =>
            onExport({
              query: { sort, filters: activeFilters, limit: state.query.limit },
              columns: visibleColumns.map((column) => column.id).filter((id) => id !== SELECT_COLUMN),
              selectedIds,
            })
          }
        >
          <DownloadIcon />
          Export
        </Button>
      )}
    </>
  );

  const virtualItems = virtualize ? virtualizer.getVirtualItems() : [];
  const shown = virtualize ? virtualItems.map((item) => ({ row: rows[item.index], index: item.index })) : rows.map((row, index) => ({ row, index }));
  const paddingTop = virtualize && virtualItems.length > 0 ? virtualItems[0].start : 0;
  const paddingBottom = virtualize && virtualItems.length > 0 ? virtualizer.getTotalSize() - virtualItems[virtualItems.length - 1].end : 0;
  const span = visibleColumns.length;
  const hasMore = Boolean(onLoadMore && page?.nextCursor);
  const lastShown = virtualize ? (virtualItems[virtualItems.length - 1]?.index ?? 0) : rows.length - 1;
  // Ask for the next rows while a screenful of them is still left to scroll through.
  const nearEnd = hasMore && !loading && !refreshing && lastShown >= rows.length - 20;
  useEffect(() => {
    if (nearEnd) onLoadMore?.();
  }, [nearEnd, onLoadMore]);

  let body: ReactNode;
  if (failure) {
    body = <ProblemState kind={failure.kind} onRetry={failure.retry} headingLevel={2} />;
  } else if (!loading && items.length === 0) {
    body = (
      <EmptyState
        title={state.filtered ? 'Nothing matches these filters' : (empty?.title ?? 'Nothing here yet')}
        description={state.filtered ? 'Change or clear the filters to see more.' : empty?.description}
        actions={state.filtered ? <Button onClick={state.clearFilters}>Clear filters</Button> : empty?.actions}
      />
    );
  }

  return (
    <section className={styles.section} aria-label={label}>
      {(filters || hideable.length > 0 || onExport) && (
        <Toolbar label={`Filter ${label.toLowerCase()}`} actions={toolbarActions} onClear={state.clearFilters} filtered={state.filtered}>
          {filters}
        </Toolbar>
      )}
      {selectable && selectedIds.length > 0 && (
        <div className={styles.bulkBar} role="region" aria-label="Bulk actions">
          <span className={styles.bulkCount} aria-live="polite">
            {selectedIds.length} selected
          </span>
          {bulkActions?.map((action) => (
            <Button
              key={action.id}
              variant={action.tone ?? 'secondary'}
              loading={running === action.id}
              disabled={running !== undefined && running !== action.id}
              onClick={() => (action.confirm ? setConfirming(action) : void runBulk(action))}
            >
              {action.label}
            </Button>
          ))}
          <Button variant="ghost" onClick={() => table.resetRowSelection(true)} disabled={running !== undefined}>
            Clear selection
          </Button>
        </div>
      )}
      {body ?? (
        // A plain table has nothing to focus inside, so its scroller takes focus itself: keyboards can scroll a wide or
        // long one (as FigureTable does). A grid's rows take focus already.
        <div
          ref={scroller}
          className={styles.scroller}
          data-refreshing={refreshing || undefined}
          {...(interactive ? {} : { tabIndex: 0, role: 'region', 'aria-labelledby': captionId })}
        >
          <table
            role={interactive ? 'grid' : undefined}
            aria-labelledby={captionId}
            aria-multiselectable={selectable || undefined}
            aria-rowcount={virtualize ? rows.length + 1 : undefined}
            aria-busy={loading || refreshing || undefined}
            className={styles.table}
          >
            <caption id={captionId} className={styles.caption}>
              {label}
              {interactive && (
                <VisuallyHidden>
                  {onOpen ? ' — arrow keys move between rows, Enter opens one' : ' — arrow keys move between rows'}
                  {selectable ? ', Space selects it' : ''}
                </VisuallyHidden>
              )}
            </caption>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} aria-rowindex={virtualize ? 1 : undefined}>
                  {group.headers.map((header) => {
                    const definition = definitionOf(header.column.id);
                    if (header.column.id === SELECT_COLUMN) {
                      return (
                        <th key={header.id} scope="col" className={styles.selectCell}>
                          <Checkbox
                            label="Select every row on this page"
                            hideLabel
                            checked={table.getIsAllPageRowsSelected()}
                            indeterminate={table.getIsSomePageRowsSelected()}
                            onChange={table.getToggleAllPageRowsSelectedHandler()}
                            disabled={rows.length === 0}
                          />
                        </th>
                      );
                    }
                    const sorted = header.column.getIsSorted();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        style={{ width: definition?.width }}
                        className={cx(definition?.align === 'end' && styles.end)}
                        aria-sort={header.column.getCanSort() ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
                      >
                        {header.column.getCanSort() ? (
                          <button type="button" className={styles.sortButton} onClick={header.column.getToggleSortingHandler()}>
                            {definition?.header}
                            {sorted === 'asc' ? <SortAscendingIcon /> : sorted === 'desc' ? <SortDescendingIcon /> : <SortNoneIcon />}
                          </button>
                        ) : (
                          definition?.header
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {loading && items.length === 0
                ? Array.from({ length: 5 }, (_, line) => (
                    <tr key={line} aria-hidden="true">
                      {visibleColumns.map((column) => (
                        <td key={column.id}>
                          <span className={styles.placeholder} />
                        </td>
                      ))}
                    </tr>
                  ))
                : null}
              {paddingTop > 0 && (
                <tr aria-hidden="true">
                  <td colSpan={span} style={{ height: paddingTop, padding: 0, border: 0 }} />
                </tr>
              )}
              {shown.map(({ row, index }) => (
                <tr
                  key={row.id}
                  ref={(node) => {
                    if (node) rowElements.current.set(index, node);
                    else rowElements.current.delete(index);
                    if (node && virtualize) virtualizer.measureElement(node);
                  }}
                  data-index={index}
                  aria-rowindex={virtualize ? index + 2 : undefined}
                  aria-selected={selectable ? row.getIsSelected() : undefined}
                  tabIndex={interactive ? (index === Math.min(active, rows.length - 1) ? 0 : -1) : undefined}
                  className={cx(styles.row, onOpen && styles.openable)}
                  onFocus={(event) => event.target === event.currentTarget && setActive(index)}
                  onKeyDown={interactive ? (event) => onRowKeyDown(event, row, index) : undefined}
                  onClick={(event) => {
                    if ((event.target as Element).closest('input, button, a, label')) return;
                    setActive(index);
                    onOpen?.(row.original);
                  }}
                >
                  {row.getVisibleCells().map((cell) => {
                    if (cell.column.id === SELECT_COLUMN) {
                      return (
                        <td key={cell.id} className={styles.selectCell}>
                          <Checkbox
                            label={`Select ${rowLabel(row.original)}`}
                            hideLabel
                            checked={row.getIsSelected()}
                            onChange={row.getToggleSelectedHandler()}
                            tabIndex={-1}
                          />
                        </td>
                      );
                    }
                    const definition = definitionOf(cell.column.id);
                    return (
                      <td key={cell.id} className={cx(definition?.align === 'end' && styles.end)}>
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  })}
                </tr>
              ))}
              {paddingBottom > 0 && (
                <tr aria-hidden="true">
                  <td colSpan={span} style={{ height: paddingBottom, padding: 0, border: 0 }} />
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {!failure && onLoadMore && items.length > 0 && (
        <div className={styles.more}>
          <span aria-live="polite">{`${items.length} ${hasMore ? 'loaded' : 'in all'}`}</span>
          {hasMore && (
            <Button onClick={onLoadMore} loading={refreshing}>
              Load more
            </Button>
          )}
        </div>
      )}
      {!failure && !onLoadMore && (state.pageIndex > 0 || page?.nextCursor) && (
        <Pagination
          label={`${label} pages`}
          pageIndex={state.pageIndex}
          hasPrevious={state.pageIndex > 0}
          hasNext={Boolean(page?.nextCursor)}
          onPrevious={state.previousPage}
          onNext={() => page?.nextCursor && state.nextPage(page.nextCursor)}
          busy={loading || refreshing}
          summary={`${items.length} on this page`}
        />
      )}
      {confirming?.confirm && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setConfirming(undefined)}
          title={confirming.confirm.title.replace('{count}', String(selectedIds.length))}
          description={confirming.confirm.description}
          confirmLabel={confirming.confirm.confirmLabel}
          tone={confirming.tone === 'danger' ? 'danger' : 'primary'}
          onConfirm={() => runBulk(confirming)}
        />
      )}
    </section>
  );
}

interface ColumnsMenuProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  columns: { id: string; header: string; visible: boolean; toggle(): void }[];
}

/** Show or hide columns; a disclosure that closes on Escape or a click elsewhere. */
function ColumnsMenu({ open, onOpenChange, columns }: ColumnsMenuProps) {
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => !wrapper.current?.contains(event.target as Node) && onOpenChange(false);
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, onOpenChange]);
  return (
    <div
      ref={wrapper}
      className={styles.menu}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          onOpenChange(false);
          wrapper.current?.querySelector<HTMLButtonElement>('button')?.focus();
        }
      }}
    >
      <Button aria-expanded={open} aria-controls={panelId} onClick={() => onOpenChange(!open)}>
        <ColumnsIcon />
        Columns
      </Button>
      <div id={panelId} className={styles.menuPanel} hidden={!open} role="group" aria-label="Visible columns">
        {columns.map((column) => (
          <Checkbox key={column.id} label={column.header} checked={column.visible} onChange={column.toggle} />
        ))}
      </div>
    </div>
  );
}
