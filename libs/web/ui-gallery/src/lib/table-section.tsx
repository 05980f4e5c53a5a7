'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  Badge,
  DataTable,
  Dialog,
  FigureTable,
  SearchInput,
  Select,
  sortParameter,
  useDataTableQuery,
  useShopFormat,
  useToasts,
  type DataTableColumn,
  type DataTableQuery,
} from '@kassa/web/ui';
import type { DemoRow } from './demo-rows';
import { GallerySection, Specimen, galleryStyles as styles } from './gallery-section';

type Page = { items: DemoRow[]; nextCursor: string | null };

/** The demo list as a client of an API would ask for it: every sort, filter and cursor in the URL. */
function demoRowsUrl(query: DataTableQuery): string {
  const params = new URLSearchParams();
  const sort = sortParameter(query.sort);
  if (sort) params.set('sort', sort);
  for (const [name, value] of Object.entries(query.filters)) params.set(name, value);
  if (query.cursor) params.set('cursor', query.cursor);
  params.set('limit', String(query.limit));
  return `/ui/rows?${params}`;
}

async function fetchDemoRows(query: DataTableQuery, signal: AbortSignal): Promise<Page> {
  const response = await fetch(demoRowsUrl(query), { signal });
  if (!response.ok) throw new Error(`/ui/rows answered ${response.status}`);
  return (await response.json()) as Page;
}

function useColumns(): DataTableColumn<DemoRow>[] {
  const format = useShopFormat();
  return useMemo(
    () => [
      { id: 'name', header: 'Name', cell: (row) => row.name, sortable: true, hideable: false },
      { id: 'sku', header: 'SKU', cell: (row) => row.sku },
      { id: 'price', header: 'Price', cell: (row) => format.money(row.priceMinor), sortable: true, align: 'end' },
      {
        id: 'status',
        header: 'Status',
        cell: (row) => <Badge tone={row.status === 'active' ? 'ok' : 'neutral'}>{row.status === 'active' ? 'Active' : 'Archived'}</Badge>,
      },
      { id: 'updated', header: 'Updated', cell: (row) => format.dateTime(row.updatedAt), hiddenByDefault: true },
    ],
    [format],
  );
}

const NO_PAGE = { items: [], nextCursor: null };

export function TableSection() {
  const toasts = useToasts();
  const format = useShopFormat();
  const columns = useColumns();
  const [pageSize, setPageSize] = useState(50);
  const table = useDataTableQuery({ pageSize });
  const [opened, setOpened] = useState<DemoRow>();
  const rows = useQuery({
    queryKey: ['ui-gallery', 'rows', table.query],
    queryFn: ({ signal }) => fetchDemoRows(table.query, signal),
    placeholderData: keepPreviousData,
  });
  const idle = useDataTableQuery();
  return (
    <GallerySection
      id="table"
      title="DataTable"
      description="Sort, filters and cursor pages go to the server; arrows move, Enter opens, Space selects; hidden columns are remembered."
    >
      <Specimen title="DataTable · server-driven" wide>
        <DataTable<DemoRow>
          label="Demo items"
          columns={columns}
          rowId={(row) => row.id}
          rowLabel={(row) => row.name}
          state={table}
          page={rows.data}
          loading={rows.isPending}
          refreshing={rows.isPlaceholderData}
          failure={rows.isError ? { kind: 'server', retry: () => void rows.refetch() } : undefined}
          onOpen={setOpened}
          bulkActions={[
            {
              id: 'archive',
              label: 'Archive',
              run: (selected) => void toasts.show({ message: `Archived ${selected.map((row) => row.name).join(', ')}.`, tone: 'success' }),
            },
            {
              id: 'delete',
              label: 'Delete',
              tone: 'danger',
              confirm: { title: 'Delete {count} items?', confirmLabel: 'Delete', description: 'Nothing is deleted: this is the gallery.' },
              run: (selected) => void toasts.show({ message: `Deleted ${selected.length} items.`, tone: 'success' }),
            },
          ]}
          onExport={(request) =>
            toasts.show({
              message: `Export asked for ${request.columns.join(', ')}${request.selectedIds.length ? ` of ${request.selectedIds.length} selected rows` : ''}.`,
            })
          }
          preferencesKey="ui-gallery"
          filters={
            <>
              <SearchInput
                label="Search items"
                hideLabel
                placeholder="Search name or SKU"
                value={table.filterValues['q'] ?? ''}
                onSearch={(value) => table.setFilter('q', value)}
              />
              <Select
                label="Status"
                hideLabel
                placeholder="Any status"
                value={table.filterValues['status'] ?? ''}
                onChange={(event) => table.setFilter('status', event.target.value)}
                options={[
                  { value: 'active', label: 'Active' },
                  { value: 'archived', label: 'Archived' },
                ]}
              />
              <Select
                label="Rows per page"
                hideLabel
                value={String(pageSize)}
                onChange={(event) => setPageSize(Number(event.target.value))}
                options={[
                  { value: '50', label: '50 per page' },
                  { value: '200', label: '200 per page (virtualised)' },
                ]}
              />
            </>
          }
        />
        <Dialog
          open={opened !== undefined}
          onOpenChange={(open) => !open && setOpened(undefined)}
          title={`Opened ${opened?.name ?? ''}`}
          description={opened?.sku}
        >
          <p className={styles.readout}>A real screen navigates to the item here.</p>
        </Dialog>
      </Specimen>
      <Specimen title="DataTable · loading">
        <DataTable
          label="Loading example"
          columns={columns.slice(0, 3)}
          rowId={(row) => row.id}
          rowLabel={(row) => row.name}
          state={idle}
          page={undefined}
          loading
        />
      </Specimen>
      <Specimen title="DataTable · empty">
        <DataTable
          label="Empty example"
          columns={columns.slice(0, 3)}
          rowId={(row) => row.id}
          rowLabel={(row) => row.name}
          state={idle}
          page={NO_PAGE}
          loading={false}
          empty={{ title: 'No items yet', description: 'Items you add appear here.' }}
        />
      </Specimen>
      <Specimen title="DataTable · offline">
        <DataTable
          label="Offline example"
          columns={columns.slice(0, 3)}
          rowId={(row) => row.id}
          rowLabel={(row) => row.name}
          state={idle}
          page={undefined}
          loading={false}
          failure={{ kind: 'offline', retry: () => undefined }}
        />
      </Specimen>
      <Specimen title="FigureTable · a chart's data">
        <FigureTable
          caption="Revenue by weekday"
          columns={[
            { id: 'day', header: 'Weekday', cell: (row: { day: string; minor: number }) => row.day },
            { id: 'revenue', header: 'Revenue', cell: (row: { day: string; minor: number }) => format.money(row.minor), align: 'end' },
          ]}
          rows={[
            { day: 'Friday', minor: 184_250 },
            { day: 'Saturday', minor: 231_990 },
          ]}
          rowKey={(row) => row.day}
        />
      </Specimen>
    </GallerySection>
  );
}
