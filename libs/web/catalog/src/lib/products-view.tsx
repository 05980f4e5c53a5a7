'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSession } from '@kassa/web/auth';
import { callApi, useApiAccess, useApiQuery } from '@kassa/web/data-access';
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
import { NewProductDialog } from './new-product-dialog';
import { productExportColumns, productExportFilters } from './product-export';
import styles from './catalog.module.css';

const STATUS_OPTIONS = [
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Inactive' },
];

/** The catalog: search, filter, page through, open, and change many products at once. */
export function ProductsView() {
  const { me, can } = useSession();
  const access = useApiAccess();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const format = useShopFormat();
  const { navigate } = useNavigationGuard();
  const table = useDataTableQuery({ pageSize: 50 });
  const { filters, cursor, limit } = table.query;
  const [creating, setCreating] = useState(false);
  const [recategorizing, setRecategorizing] = useState<Product[]>();
  const [exporting, setExporting] = useState<{ columns: string[]; filters: Readonly<Record<string, string>> }>();

  const page = useApiQuery(
    productKeys.list(table.query),
    (http, signal) =>
      http.GET('/api/v1/products', {
        params: { query: { q: filters['q'], active: filters['active'] === undefined ? undefined : filters['active'] === 'true', cursor, limit } },
        signal,
      }),
    { keepPrevious: true },
  );

  const columns = useMemo<DataTableColumn<Product>[]>(
    () => [
      { id: 'name', header: 'Name', cell: (product) => <span className={styles.name}>{product.name}</span>, hideable: false },
      { id: 'sku', header: 'SKU', cell: (product) => product.sku },
      { id: 'price', header: 'Price', cell: (product) => format.money(product.priceMinor), align: 'end' },
      { id: 'barcodes', header: 'Barcodes', cell: (product) => product.barcodes.join(', ') || <span className={styles.muted}>—</span>, hiddenByDefault: true },
      { id: 'status', header: 'Status', cell: (product) => <Badge tone={product.active ? 'ok' : 'neutral'}>{product.active ? 'Active' : 'Inactive'}</Badge> },
      { id: 'updated', header: 'Updated', cell: (product) => format.dateTime(product.updatedAt), hiddenByDefault: true },
    ],
    [format],
  );

  const setActive = (active: boolean): DataTableBulkAction<Product> => ({
    id: active ? 'activate' : 'deactivate',
    label: active ? 'Activate' : 'Deactivate',
    async run(products) {
      for (const product of products) {
        await callApi(access, (http) => updateProduct(http, product.id, { active }, product.version));
      }
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
      toasts.show({
        message: `${products.length} ${products.length === 1 ? 'product' : 'products'} ${active ? 'activated' : 'deactivated'}.`,
        tone: 'success',
      });
    },
  });

  const changeCategory: DataTableBulkAction<Product> = { id: 'category', label: 'Change category', run: (products) => setRecategorizing(products) };

  /** Deletes each (If-Match its version) and offers Undo, which restores them with the barcodes they had. */
  const remove: DataTableBulkAction<Product> = {
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
        message: `${deleted.length} ${deleted.length === 1 ? 'product' : 'products'} deleted.`,
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
              .then(() => toasts.show({ message: `${deleted.length} ${deleted.length === 1 ? 'product is' : 'products are'} back.`, tone: 'success' }))
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
        page={page.data}
        loading={page.isPending}
        refreshing={page.isPlaceholderData}
        failure={page.isError ? { kind: page.error.kind, retry: () => void page.refetch() } : undefined}
        onOpen={(product) => navigate(`/products/${product.id}`)}
        bulkActions={can('catalog:manage') ? [setActive(false), setActive(true), changeCategory, remove] : undefined}
        onExport={(request) => setExporting({ columns: request.columns, filters: request.query.filters })}
        preferencesKey={me ? `products:${me.user.id}` : undefined}
        empty={{ title: 'No products yet', description: 'Products you add or import appear here.' }}
        filters={
          <>
            <SearchInput
              label="Search products"
              hideLabel
              placeholder="Search name, SKU or barcode"
              value={table.filterValues['q'] ?? ''}
              onSearch={(value) => table.setFilter('q', value)}
            />
            <Select
              label="Status"
              hideLabel
              placeholder="Any status"
              options={STATUS_OPTIONS}
              value={table.filterValues['active'] ?? ''}
              onChange={(event) => table.setFilter('active', event.target.value)}
            />
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
            toasts.show({ message: `Category changed for ${recategorizing.length} ${recategorizing.length === 1 ? 'product' : 'products'}.`, tone: 'success' });
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
