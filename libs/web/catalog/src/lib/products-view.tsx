'use client';
import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useSession } from '@kassa/web/auth';
import { callApi, isApiError, useApiAccess, useApiQuery } from '@kassa/web/data-access';
import {
  Badge,
  Button,
  DataTable,
  PageHeader,
  SearchInput,
  Select,
  useDataTableQuery,
  useNavigationGuard,
  useShopFormat,
  useToasts,
  type DataTableBulkAction,
  type DataTableColumn,
} from '@kassa/web/ui';
import { productKeys, updateProduct, type Product } from './product-requests';
import { ExportDialog, saveFile, type ExportFormat } from '@kassa/web/export-import';
import { CategoryDialog } from './category-dialog';
import { categoryPaths } from './category-tree';
import { productListQuery, STOCK_STATE_OPTIONS, stockFilterOf, stockLevelQuery } from './product-listing';
import { NewProductDialog } from './new-product-dialog';
import { productExportColumns, productExportFilters } from './product-export';
import styles from './catalog.module.css';
import { countOf } from '@kassa/contracts';

/** Searches go to an index that answers in tens of milliseconds: a shorter pause than the default gets rows on screen sooner. */
const PRODUCT_SEARCH_PAUSE_MS = 150;

const STATUS_OPTIONS = [
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Inactive' },
];

/** A product as the list shows it; with a stock state chosen, also its on hand in that store. */
type ProductRow = Product & { onHand?: number };

/** The catalog: search, filter by category, status and stock state, sort, scroll through, open, and change many products at once. */
export function ProductsView() {
  const { me, can } = useSession();
  const access = useApiAccess();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const format = useShopFormat();
  const { navigate } = useNavigationGuard();
  const table = useDataTableQuery({ pageSize: 100 });
  const { filters, sort } = table.query;
  const stock = stockFilterOf(filters);
  const [creating, setCreating] = useState(false);
  const [recategorizing, setRecategorizing] = useState<Product[]>();
  const [exporting, setExporting] = useState<{ columns: string[]; filters: Readonly<Record<string, string>> }>();
  const categories = useApiQuery(['category', 'list'], (http, signal) => http.GET('/api/v1/categories', { signal }));
  const stores = useApiQuery(['store', 'list'], (http, signal) => http.GET('/api/v1/stores', { signal }), { enabled: can('inventory:read') });
  const storeOptions = (stores.data?.items ?? []).map((store) => ({ value: store.id, label: store.name }));

  // One growing list: each batch continues after the last; a stock state's batches are chosen by inventory, then read from catalog.
  const list = useInfiniteQuery({
    queryKey: productKeys.list({ filters, sort }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    queryFn: async ({ pageParam, signal }): Promise<{ items: ProductRow[]; nextCursor: string | null }> => {
      if (!stock) {
        return callApi(access, (http) => http.GET('/api/v1/products', { params: { query: productListQuery(filters, sort, pageParam) }, signal }), signal);
      }
      const levels = await callApi(
        access,
        (http) => http.GET('/api/v1/inventory/levels', { params: { query: stockLevelQuery(filters, pageParam) }, signal }),
        signal,
      );
      if (levels.items.length === 0) return { items: [], nextCursor: levels.nextCursor };
      const onHand = new Map(levels.items.map((level) => [level.productId, level.onHand]));
      const products = await callApi(
        access,
        (http) => http.GET('/api/v1/products', { params: { query: { ids: levels.items.map((level) => level.productId).join(',') } }, signal }),
        signal,
      );
      return { items: products.items.map((product) => ({ ...product, onHand: onHand.get(product.id) })), nextCursor: levels.nextCursor };
    },
  });
  const page = useMemo(
    () =>
      list.data ? { items: list.data.pages.flatMap((batch) => batch.items), nextCursor: list.data.pages[list.data.pages.length - 1].nextCursor } : undefined,
    [list.data],
  );
  const { fetchNextPage, isFetchingNextPage } = list;
  const loadMore = useCallback(() => {
    if (!isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, isFetchingNextPage]);

  // A search ranks by relevance and a stock state's rows come in inventory's order: sorting is for the plain list.
  const sortable = !filters['q'] && !stock;
  const columns = useMemo<DataTableColumn<ProductRow>[]>(
    () => [
      { id: 'name', header: 'Name', cell: (product) => <span className={styles.name}>{product.name}</span>, hideable: false, sortable },
      { id: 'sku', header: 'SKU', cell: (product) => product.sku, sortable },
      { id: 'price', header: 'Price', cell: (product) => format.money(product.priceMinor), align: 'end', sortable },
      ...(stock ? [{ id: 'onHand', header: 'On hand', cell: (product: ProductRow) => product.onHand ?? 0, align: 'end' as const }] : []),
      { id: 'barcodes', header: 'Barcodes', cell: (product) => product.barcodes.join(', ') || <span className={styles.muted}>—</span>, hiddenByDefault: true },
      { id: 'status', header: 'Status', cell: (product) => <Badge tone={product.active ? 'ok' : 'neutral'}>{product.active ? 'Active' : 'Inactive'}</Badge> },
      { id: 'updated', header: 'Updated', cell: (product) => format.dateTime(product.updatedAt), hiddenByDefault: true },
    ],
    [format, sortable, stock],
  );

  const setActive = (active: boolean): DataTableBulkAction<ProductRow> => ({
    id: active ? 'activate' : 'deactivate',
    label: active ? 'Activate' : 'Deactivate',
    async run(products) {
      for (const product of products) {
        await callApi(access, (http) => updateProduct(http, product.id, { active }, product.version));
      }
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
      toasts.show({
        message: `${countOf(products.length, 'product', 'products')} ${active ? 'activated' : 'deactivated'}.`,
        tone: 'success',
      });
    },
  });

  const changeCategory: DataTableBulkAction<ProductRow> = { id: 'category', label: 'Change category', run: (products) => setRecategorizing(products) };

  /** Deletes each (If-Match its version) and offers Undo, which restores them with the barcodes they had. */
  const remove: DataTableBulkAction<ProductRow> = {
    id: 'delete',
    label: 'Delete',
    tone: 'danger',
    confirm: { title: 'Delete {count} products?', confirmLabel: 'Delete', description: 'They leave the catalog; Undo brings them back.' },
    async run(products) {
      const deleted: Product[] = [];
      try {
        for (const product of products) {
          await callApi(access, (http) =>
            http.DELETE('/api/v1/products/{id}', { params: { path: { id: product.id }, header: { 'If-Match': `"${product.version}"` } } }),
          );
          deleted.push(product);
        }
      } finally {
        await queryClient.invalidateQueries({ queryKey: productKeys.all });
      }
      toasts.show({
        message: `${countOf(deleted.length, 'product', 'products')} deleted.`,
        tone: 'success',
        action: {
          label: 'Undo',
          run: () =>
            void Promise.all(
              deleted.map((product) =>
                callApi(access, (http) =>
                  http.POST('/api/v1/products/{id}/restore', { params: { path: { id: product.id } }, body: { barcodes: product.barcodes } }),
                ),
              ),
            )
              .then(() => toasts.show({ message: `${countOf(deleted.length, 'product is', 'products are')} back.`, tone: 'success' }))
              .catch((error: unknown) => toasts.show({ message: error instanceof Error ? error.message : String(error), tone: 'error' }))
              .finally(() => void queryClient.invalidateQueries({ queryKey: productKeys.all })),
        },
      });
    },
  };

  return (
    <>
      <PageHeader
        title="Products"
        description="Everything the shop sells."
        actions={
          can('catalog:manage') ? (
            <>
              <Button variant="secondary" onClick={() => navigate('/products/categories')}>
                Categories
              </Button>
              <Button variant="secondary" onClick={() => navigate('/products/import')}>
                Import
              </Button>
              <Button variant="primary" onClick={() => setCreating(true)}>
                New product
              </Button>
            </>
          ) : undefined
        }
      />
      <DataTable
        label="Products"
        columns={columns}
        rowId={(product) => product.id}
        rowLabel={(product) => product.name}
        state={table}
        page={page}
        loading={list.isPending}
        refreshing={list.isPlaceholderData || isFetchingNextPage}
        failure={list.isError ? { kind: isApiError(list.error) ? list.error.kind : 'server', retry: () => void list.refetch() } : undefined}
        onLoadMore={loadMore}
        onOpen={(product) => navigate(`/products/${product.id}`)}
        bulkActions={can('catalog:manage') ? [setActive(false), setActive(true), changeCategory, remove] : undefined}
        onExport={stock ? undefined : (request) => setExporting({ columns: request.columns, filters: request.query.filters })}
        preferencesKey={me ? `products:${me.user.id}` : undefined}
        empty={{ title: 'No products yet', description: 'Products you add or import appear here.' }}
        filters={
          <>
            <SearchInput
              label="Search products"
              hideLabel
              placeholder={stock ? 'Search is off' : 'Search name, SKU or barcode'}
              disabled={Boolean(stock)}
              value={table.filterValues['q'] ?? ''}
              onSearch={(value) => table.setFilter('q', value)}
              debounceMs={PRODUCT_SEARCH_PAUSE_MS}
            />
            <Select
              label="Category"
              hideLabel
              placeholder="Any category"
              options={categoryPaths(categories.data?.items ?? []).map((category) => ({ value: category.id, label: category.path }))}
              value={table.filterValues['categoryId'] ?? ''}
              onChange={(event) => table.setFilter('categoryId', event.target.value)}
            />
            <Select
              label="Status"
              hideLabel
              placeholder="Any status"
              options={STATUS_OPTIONS}
              value={table.filterValues['active'] ?? ''}
              onChange={(event) => table.setFilter('active', event.target.value)}
            />
            {can('inventory:read') && (
              <>
                <Select
                  label="Stock"
                  hideLabel
                  placeholder="Any stock"
                  options={STOCK_STATE_OPTIONS}
                  value={table.filterValues['stock'] ?? ''}
                  onChange={(event) => {
                    table.setFilter('stock', event.target.value);
                    if (event.target.value) table.setFilter('q', '');
                    if (event.target.value && !table.filterValues['storeId'] && storeOptions[0]) table.setFilter('storeId', storeOptions[0].value);
                  }}
                />
                {table.filterValues['stock'] && (
                  <Select
                    label="Stock in store"
                    hideLabel
                    options={storeOptions}
                    value={table.filterValues['storeId'] ?? ''}
                    onChange={(event) => table.setFilter('storeId', event.target.value)}
                  />
                )}
              </>
            )}
          </>
        }
      />
      {recategorizing && (
        <CategoryDialog
          count={recategorizing.length}
          onClose={() => setRecategorizing(undefined)}
          onChoose={async (categoryId) => {
            try {
              for (const product of recategorizing) {
                await callApi(access, (http) => updateProduct(http, product.id, { categoryId }, product.version));
              }
            } finally {
              await queryClient.invalidateQueries({ queryKey: productKeys.all });
            }
            toasts.show({ message: `Category changed for ${countOf(recategorizing.length, 'product', 'products')}.`, tone: 'success' });
          }}
        />
      )}
      {creating && <NewProductDialog onClose={() => setCreating(false)} />}
      {exporting && (
        <ExportDialog
          title="Export products"
          description="The products this view finds, with the columns it shows."
          onClose={() => setExporting(undefined)}
          download={async (format: ExportFormat) => {
            const file = await callApi(access, (http) =>
              http.GET('/api/v1/products/export', {
                params: {
                  query: {
                    format,
                    columns: productExportColumns(exporting.columns),
                    ...productExportFilters(exporting.filters),
                    ...(format === 'csv' ? { bom: true } : {}),
                  },
                },
                parseAs: 'blob',
              }),
            );
            saveFile(file as Blob, `products.${format}`);
          }}
        />
      )}
    </>
  );
}
