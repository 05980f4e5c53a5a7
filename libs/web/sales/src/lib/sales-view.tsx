'use client';
import { useMemo } from 'react';
import { useSession } from '@kassa/web/auth';
import { useApiAccess, useApiQuery, tablePageOf } from '@kassa/web/data-access';
import {
  Button,
  DataTable,
  dayRangeInstants,
  DatePicker,
  presetRanges,
  PageHeader,
  ProblemState,
  SearchInput,
  Select,
  useDataTableQuery,
  useNavigationGuard,
  useShopFormat,
  useShopLocale,
  useToasts,
  type DataTableColumn,
  type DayRange,
} from '@kassa/web/ui';
import { SaleBadges } from './sale-badges';
import { downloadSalesExport } from './sales-export';
import { SalesNav } from './sales-nav';
import { saleKeys, type SaleListItem } from './sale-requests';
import { REVIEW_FILTERS, salesListQuery } from './sales-list-query';
import { StoreRegisterFilter } from './store-register-filter';
import { useStoreDirectory } from './store-directory';
import styles from './sales.module.css';

const STATUS_OPTIONS = [
  { value: 'completed', label: 'Completed' },
  { value: 'voided', label: 'Voided' },
];

const REVIEW_OPTIONS = Object.entries(REVIEW_FILTERS).map(([value, filter]) => ({ value, label: filter.label }));

/** Sales history: find a sale by receipt number or customer, narrow by store, till, status and the shop's days, open it. */
export function SalesView() {
  const { me, can } = useSession();
  const format = useShopFormat();
  const { timeZone } = useShopLocale();
  const { navigate } = useNavigationGuard();
  const table = useDataTableQuery({ pageSize: 50 });
  const { filters, cursor, limit } = table.query;
  const allowed = can('sales:read');
  const directory = useStoreDirectory();
  const access = useApiAccess();
  const toasts = useToasts();
  const listQuery = salesListQuery(filters, (from, to) => dayRangeInstants(from, to, timeZone));

  const page = useApiQuery(
    saleKeys.list({ ...table.query, timeZone }),
    (http, signal) =>
      http.GET('/api/v1/sales', {
        params: { query: { ...listQuery, cursor, limit } },
        signal,
      }),
    { keepPrevious: true, enabled: allowed },
  );

  const columns = useMemo<DataTableColumn<SaleListItem>[]>(
    () => [
      { id: 'receipt', header: 'Receipt', cell: (sale) => <span className={styles.receiptNumber}>#{sale.receiptNumber}</span>, hideable: false },
      { id: 'time', header: 'Time', cell: (sale) => format.dateTime(sale.occurredAt) },
      { id: 'store', header: 'Store', cell: (sale) => directory.data?.storeName(sale.storeId) ?? '…' },
      { id: 'register', header: 'Register', cell: (sale) => directory.data?.registerName(sale.registerId) ?? '…' },
      { id: 'customer', header: 'Customer', cell: (sale) => sale.customerName ?? <span className={styles.muted}>—</span> },
      { id: 'total', header: 'Total', cell: (sale) => format.money(sale.totalMinor), align: 'end' },
      { id: 'status', header: 'Status', cell: (sale) => <SaleBadges sale={sale} /> },
    ],
    [format, directory.data],
  );

  if (!allowed) {
    return (
      <>
        <PageHeader title="Sales" />
        <ProblemState kind="forbidden" subject="Sales" />
      </>
    );
  }

  const from = table.filterValues['from'] || undefined;
  const to = table.filterValues['to'] || undefined;
  const presets = presetRanges(format.today());
  const setRange = (range: DayRange | null) => {
    table.setFilter('from', range?.from ?? '');
    table.setFilter('to', range?.to ?? '');
  };

  return (
    <>
      <PageHeader
        title="Sales"
        description="Every sale rung up in the shop's stores, newest first."
        actions={can('shifts:read') && <Button onClick={() => navigate('/sales/shifts')}>Cash shifts</Button>}
      />
      <SalesNav />
      <DataTable
        label="Sales"
        columns={columns}
        rowId={(sale) => sale.id}
        rowLabel={(sale) => `Receipt ${sale.receiptNumber}`}
        state={table}
        {...tablePageOf(page)}
        onOpen={(sale) => navigate(`/sales/${sale.id}`)}
        preferencesKey={me ? `sales:${me.user.id}` : undefined}
        onExport={() =>
          void downloadSalesExport(access, listQuery).catch(() => toasts.show({ message: 'The export could not be downloaded. Try again.', tone: 'error' }))
        }
        empty={{ title: 'No sales yet', description: 'Sales rung up at the till or through the API appear here.' }}
        filters={
          <>
            <SearchInput
              label="Search sales"
              hideLabel
              placeholder="Receipt no. or customer"
              value={table.filterValues['q'] ?? ''}
              onSearch={(value) => table.setFilter('q', value)}
            />
            <StoreRegisterFilter table={table} directory={directory.data} />
            <Select
              label="Status"
              hideLabel
              placeholder="Any status"
              options={STATUS_OPTIONS}
              value={table.filterValues['status'] ?? ''}
              onChange={(event) => table.setFilter('status', event.target.value)}
            />
            <Select
              label="Offline / flagged"
              hideLabel
              placeholder="Online and offline"
              options={REVIEW_OPTIONS}
              value={table.filterValues['review'] ?? ''}
              onChange={(event) => table.setFilter('review', event.target.value)}
            />
            <Select
              label="Days"
              hideLabel
              placeholder="Any day"
              options={presets.map((preset) => ({ value: preset.id, label: preset.label }))}
              value={presets.find((preset) => preset.range.from === from && preset.range.to === to)?.id ?? ''}
              onChange={(event) => setRange(presets.find((preset) => preset.id === event.target.value)?.range ?? null)}
            />
            {/* Without the spelled-out day under each field: it would double the toolbar's height, and the day select names the range. */}
            <span className={styles.dayRange}>
              <DatePicker
                label="From day"
                hint=""
                className={styles.dayField}
                hideLabel
                value={from ?? null}
                max={to}
                onChange={(day) => setRange(day ? { from: day, to: to && to >= day ? to : day } : null)}
              />
              <span aria-hidden="true">–</span>
              <DatePicker
                label="To day"
                hint=""
                className={styles.dayField}
                hideLabel
                value={to ?? null}
                min={from}
                onChange={(day) => setRange(day ? { from: from && from <= day ? from : day, to: day } : null)}
              />
            </span>
          </>
        }
      />
    </>
  );
}
