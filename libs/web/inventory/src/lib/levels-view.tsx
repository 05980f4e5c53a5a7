'use client';
import { useMemo, useState } from 'react';
import { useSession } from '@kassa/web/auth';
import { callApi, useApiAccess, useApiQuery } from '@kassa/web/data-access';
import {
  Button,
  Combobox,
  DataTable,
  PageHeader,
  ProblemState,
  Select,
  useDataTableQuery,
  useNavigationGuard,
  type ComboboxOption,
  type DataTableBulkAction,
  type DataTableColumn,
} from '@kassa/web/ui';
import { AdjustDialog, type AdjustTarget } from './adjust-dialog';
import { InventoryNav } from './inventory-nav';
import { stockKeys, type StockLevel } from './inventory-requests';
import { ReorderPointCell } from './reorder-point-cell';
import { LevelsExportDialog } from './stock-export';
import { StockStatus } from './stock-status';
import styles from './inventory.module.css';

const LOW_OPTIONS = [{ value: 'true', label: 'Low stock only' }];

const targetOf = (level: StockLevel, storeName: ReadonlyMap<string, string>): AdjustTarget => ({
  storeId: level.storeId,
  storeName: storeName.get(level.storeId) ?? '',
  productId: level.productId,
  productName: level.productName,
  onHand: level.onHand,
});

/**
 * Stock per store: every product, never-moved ones at 0, low ones marked; reorder points edited in
 * place, and adjustments (one product, or the selected ones as one batch) for those who manage stock.
 */
export function LevelsView() {
  const { me, can, storeId: chosenStore } = useSession();
  const access = useApiAccess();
  const { navigate } = useNavigationGuard();
  const table = useDataTableQuery({ pageSize: 50, initialFilters: chosenStore ? { storeId: chosenStore } : {} });
  const { filters, cursor, limit } = table.query;
  const [product, setProduct] = useState<ComboboxOption | null>(null);
  const [adjusting, setAdjusting] = useState<AdjustTarget[]>();
  const [exporting, setExporting] = useState<string[]>();
  const allowed = can('inventory:read');
  const manage = can('inventory:manage');
  const stores = useApiQuery(['store', 'list'], (http, signal) => http.GET('/api/v1/stores', { signal }), { enabled: allowed });
  const storeName = useMemo(() => new Map((stores.data?.items ?? []).map((store) => [store.id, store.name])), [stores.data]);
  const page = useApiQuery(
    stockKeys.levels(table.query),
    (http, signal) =>
      http.GET('/api/v1/inventory/levels', {
        params: {
          query: {
            includeZero: true,
            storeId: filters['storeId'],
            productId: filters['productId'],
            lowOnly: filters['lowOnly'] === 'true' ? true : undefined,
            cursor,
            limit,
          },
        },
        signal,
      }),
    { keepPrevious: true, enabled: allowed },
  );

  const columns = useMemo<DataTableColumn<StockLevel>[]>(
    () => [
      {
        id: 'product',
        header: 'Product',
        hideable: false,
        cell: (level) => (
          <>
            <span className={styles.name}>{level.productName}</span> <span className={styles.muted}>{level.sku}</span>
          </>
        ),
      },
      { id: 'store', header: 'Store', cell: (level) => storeName.get(level.storeId) ?? '' },
      {
        id: 'onHand',
        header: 'On hand',
        align: 'end',
        cell: (level) => <span className={level.low ? styles.low : styles.number}>{level.onHand}</span>,
      },
      {
        id: 'reorderPoint',
        header: 'Reorder point',
        align: 'end',
        cell: (level) =>
          manage ? (
            <ReorderPointCell key={`${level.storeId}:${level.productId}:${level.reorderPoint}`} level={level} />
          ) : (
            (level.reorderPoint ?? <span className={styles.muted}>—</span>)
          ),
      },
      { id: 'low', header: 'Status', cell: (level) => <StockStatus onHand={level.onHand} low={level.low} /> },
      ...(manage
        ? [
            {
              id: 'adjust',
              header: 'Adjust',
              hideable: false,
              cell: (level: StockLevel) => (
                <Button size="small" onClick={() => setAdjusting([targetOf(level, storeName)])} aria-label={`Adjust ${level.productName}`}>
                  Adjust
                </Button>
              ),
            },
          ]
        : []),
    ],
    [manage, storeName],
  );

  const bulkActions: DataTableBulkAction<StockLevel>[] | undefined = manage
    ? [{ id: 'adjust', label: 'Adjust together', run: (levels) => setAdjusting(levels.map((level) => targetOf(level, storeName))) }]
    : undefined;

  async function searchProducts(query: string, signal: AbortSignal): Promise<ComboboxOption[]> {
    const found = await callApi(access, (http) => http.GET('/api/v1/products', { params: { query: { q: query, limit: 10 } }, signal }), signal);
    return found.items.map((item) => ({ value: item.id, label: item.name, description: item.sku }));
  }

  if (!allowed) {
    return (
      <>
        <PageHeader title="Stock" />
        <ProblemState kind="forbidden" subject="Stock" />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Stock"
        description="What each store holds. Products never moved in a store show 0."
        actions={
          manage ? (
            <>
              <Button onClick={() => navigate('/inventory/count')}>Count stock</Button>
              <Button onClick={() => navigate('/inventory/transfers')}>Transfer</Button>
            </>
          ) : undefined
        }
      />
      <InventoryNav />
      <DataTable
        label="Stock levels"
        columns={columns}
        rowId={(level) => `${level.storeId}:${level.productId}`}
        rowLabel={(level) => `${level.productName} in ${storeName.get(level.storeId) ?? 'the store'}`}
        state={table}
        page={page.data}
        loading={page.isPending}
        refreshing={page.isPlaceholderData}
        failure={page.isError ? { kind: page.error.kind, retry: () => void page.refetch() } : undefined}
        onOpen={(level) => navigate(`/inventory/products/${level.productId}`)}
        bulkActions={bulkActions}
        onExport={(request) => setExporting(request.columns)}
        preferencesKey={me ? `stock-levels:${me.user.id}` : undefined}
        empty={{ title: 'No stock to show', description: 'Products appear here once the shop has some.' }}
        filters={
          <>
            <Select
              label="Store"
              hideLabel
              placeholder="All stores"
              options={(stores.data?.items ?? []).map((store) => ({ value: store.id, label: store.name }))}
              value={table.filterValues['storeId'] ?? ''}
              onChange={(event) => table.setFilter('storeId', event.target.value)}
            />
            <Select
              label="Stock state"
              hideLabel
              placeholder="Every level"
              options={LOW_OPTIONS}
              value={table.filterValues['lowOnly'] ?? ''}
              onChange={(event) => table.setFilter('lowOnly', event.target.value)}
            />
            <Combobox
              label="Find a product"
              hideLabel
              placeholder="Find a product"
              value={product}
              search={searchProducts}
              onChange={(option) => {
                setProduct(option);
                table.setFilter('productId', option?.value ?? '');
              }}
            />
          </>
        }
      />
      {adjusting && <AdjustDialog targets={adjusting} onClose={() => setAdjusting(undefined)} />}
      {exporting && <LevelsExportDialog storeId={filters['storeId']} columns={exporting} onClose={() => setExporting(undefined)} />}
    </>
  );
}
