'use client';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useSession } from '@kassa/web/auth';
import { useApiQuery } from '@kassa/web/data-access';
import { DataTable, Select, useDataTableQuery, useShopFormat, type DataTableColumn } from '@kassa/web/ui';
import { REASON_LABEL, stockKeys, type LedgerEntry } from './inventory-requests';
import { LedgerExportDialog } from './stock-export';
import styles from './inventory.module.css';

const REFERENCE_LABEL: Record<string, string> = {
  sale: 'Sale',
  refund: 'Refund',
  transfer: 'Transfer',
  count: 'Count',
  purchase_order_receipt: 'Goods receipt',
};

/** Where a ledger row's reference leads: a sale to its receipt, anything else to the ledger rows it wrote. */
function referenceLink(entry: LedgerEntry) {
  if (!entry.referenceType || !entry.referenceId) return <span className={styles.muted}>—</span>;
  const label = REFERENCE_LABEL[entry.referenceType] ?? entry.referenceType;
  const href = entry.referenceType === 'sale' ? `/sales/${entry.referenceId}` : `/inventory/ledger?referenceId=${entry.referenceId}`;
  return <Link href={href}>{`${label} ${entry.referenceId.slice(-6)}`}</Link>;
}

/**
 * Stock movements, newest first: when, where, how many, why, who, and the sale, transfer, count or receipt
 * behind each (linked). Narrowed to a product, a store or one reference.
 */
export function LedgerTable({ label, productId, referenceId, showProduct }: { label: string; productId?: string; referenceId?: string; showProduct: boolean }) {
  const { me, can } = useSession();
  const format = useShopFormat();
  const table = useDataTableQuery({ pageSize: 50 });
  const [exporting, setExporting] = useState<string[]>();
  const { filters, cursor, limit } = table.query;
  const stores = useApiQuery(['store', 'list'], (http, signal) => http.GET('/api/v1/stores', { signal }));
  // Names of the people behind each movement, for those who may list users; everyone else sees their own name.
  const users = useApiQuery(['user', 'list'], (http, signal) => http.GET('/api/v1/users', { signal }), { enabled: can('users:read') });
  const page = useApiQuery(
    stockKeys.ledger({ ...table.query, productId, referenceId }),
    (http, signal) =>
      http.GET('/api/v1/inventory/ledger', { params: { query: { productId, referenceId, storeId: filters['storeId'], cursor, limit } }, signal }),
    { keepPrevious: true },
  );
  const storeName = useMemo(() => new Map((stores.data?.items ?? []).map((store) => [store.id, store.name])), [stores.data]);
  const userName = useMemo(() => {
    const names = new Map((users.data?.items ?? []).map((user) => [user.id, user.name]));
    if (me) names.set(me.user.id, me.user.name);
    return names;
  }, [users.data, me]);

  const columns = useMemo<DataTableColumn<LedgerEntry>[]>(
    () => [
      { id: 'when', header: 'When', hideable: false, cell: (entry) => format.dateTime(entry.createdAt) },
      { id: 'store', header: 'Store', cell: (entry) => storeName.get(entry.storeId) ?? '' },
      ...(showProduct
        ? [
            {
              id: 'product',
              header: 'Product',
              cell: (entry: LedgerEntry) => (
                <Link href={`/inventory/products/${entry.productId}`}>
                  {entry.productName} <span className={styles.muted}>{entry.sku}</span>
                </Link>
              ),
            },
          ]
        : []),
      {
        id: 'delta',
        header: 'Change',
        align: 'end',
        cell: (entry) => <span className={styles.number}>{entry.delta > 0 ? `+${entry.delta}` : entry.delta}</span>,
      },
      { id: 'onHandAfter', header: 'On hand after', align: 'end', cell: (entry) => entry.onHandAfter },
      { id: 'reason', header: 'Why', cell: (entry) => REASON_LABEL[entry.reason] ?? entry.reason },
      {
        id: 'who',
        header: 'Who',
        cell: (entry) => (entry.actorType === 'user' ? (userName.get(entry.actorId ?? '') ?? 'Staff') : entry.actorType === 'api_key' ? 'API key' : 'Kassa'),
      },
      { id: 'reference', header: 'Reference', cell: referenceLink },
      { id: 'note', header: 'Note', cell: (entry) => entry.note ?? '' },
    ],
    [format, storeName, userName, showProduct],
  );

  return (
    <>
      <DataTable
        label={label}
        columns={columns}
        rowId={(entry) => entry.id}
        rowLabel={(entry) => `${REASON_LABEL[entry.reason]} ${entry.delta}`}
        state={table}
        page={page.data}
        loading={page.isPending}
        refreshing={page.isPlaceholderData}
        failure={page.isError ? { kind: page.error.kind, retry: () => void page.refetch() } : undefined}
        onExport={productId || referenceId ? undefined : (request) => setExporting(request.columns)}
        preferencesKey={me ? `stock-ledger:${me.user.id}` : undefined}
        empty={{ title: 'No movements yet', description: 'Sales, refunds, adjustments, counts, transfers and receipts appear here.' }}
        filters={
          (stores.data?.items.length ?? 0) > 1 ? (
            <Select
              label="Store"
              hideLabel
              placeholder="All stores"
              options={(stores.data?.items ?? []).map((store) => ({ value: store.id, label: store.name }))}
              value={table.filterValues['storeId'] ?? ''}
              onChange={(event) => table.setFilter('storeId', event.target.value)}
            />
          ) : undefined
        }
      />
      {exporting && <LedgerExportDialog storeId={filters['storeId']} columns={exporting} onClose={() => setExporting(undefined)} />}
    </>
  );
}
