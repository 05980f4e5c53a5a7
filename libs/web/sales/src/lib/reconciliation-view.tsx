'use client';
import { useMemo, useState } from 'react';
import { useSession } from '@kassa/web/auth';
import { useApiQuery } from '@kassa/web/data-access';
import { Button, DataTable, PageHeader, ProblemState, Select, useDataTableQuery, useNavigationGuard, useShopFormat, type DataTableColumn } from '@kassa/web/ui';
import { OfflineRefundsReview } from './offline-refunds-review';
import { ReviewDialog } from './review-dialog';
import { FLAG_LABEL } from './sale-flags';
import { saleKeys, type Sale } from './sale-requests';
import { SalesNav } from './sales-nav';
import { useStoreDirectory } from './store-directory';
import styles from './sales.module.css';

const STATUS_OPTIONS = [
  { value: 'open', label: 'Waiting for review' },
  { value: 'reviewed', label: 'Reviewed' },
];

/** Offline sales rung up with deviations (a price, a short tender, stock below zero), oldest first, to be looked at and marked reviewed. */
export function ReconciliationView() {
  const { can } = useSession();
  const format = useShopFormat();
  const { navigate } = useNavigationGuard();
  const directory = useStoreDirectory();
  const allowed = can('sales:review');
  const table = useDataTableQuery({ pageSize: 50 });
  const { filters, cursor, limit } = table.query;
  const status = filters['status'] === 'reviewed' ? 'reviewed' : 'open';
  const storeId = filters['storeId'] || undefined;
  const [reviewing, setReviewing] = useState<Sale>();
  const page = useApiQuery(
    saleKeys.list({ reconciliation: status, storeId, cursor, limit }),
    (http, signal) => http.GET('/api/v1/sales/reconciliation', { params: { query: { status, storeId, cursor, limit } }, signal }),
    { keepPrevious: true, enabled: allowed },
  );
  const columns = useMemo<DataTableColumn<Sale>[]>(
    () => [
      { id: 'receipt', header: 'Receipt', cell: (sale) => <span className={styles.receiptNumber}>#{sale.receiptNumber}</span>, hideable: false },
      { id: 'time', header: 'Rung up', cell: (sale) => format.dateTime(sale.occurredAt) },
      { id: 'register', header: 'Register', cell: (sale) => directory.data?.registerName(sale.registerId) ?? '…' },
      { id: 'total', header: 'Total', cell: (sale) => format.money(sale.totalMinor), align: 'end' },
      { id: 'flags', header: 'Deviations', cell: (sale) => sale.flags.map((flag) => FLAG_LABEL[flag]).join(', ') },
      {
        id: 'review',
        header: 'Review',
        hideable: false,
        cell: (sale) =>
          sale.reviewedAt ? (
            `Reviewed ${format.dateTime(sale.reviewedAt)}`
          ) : (
            <Button size="small" onClick={() => setReviewing(sale)} aria-label={`Mark receipt #${sale.receiptNumber} reviewed`}>
              Mark reviewed
            </Button>
          ),
      },
    ],
    [format, directory.data],
  );
  if (!allowed) {
    return (
      <>
        <PageHeader title="Reconciliation" />
        <ProblemState kind="forbidden" />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Reconciliation"
        description="Sales rung up offline that differ from what the server would have allowed, and refunds made offline. Look at each, then mark it reviewed."
      />
      <SalesNav />
      <DataTable
        label="Offline sales to review"
        columns={columns}
        rowId={(sale) => sale.id}
        rowLabel={(sale) => `Receipt ${sale.receiptNumber}`}
        state={table}
        page={page.data}
        loading={page.isPending}
        refreshing={page.isPlaceholderData}
        failure={page.isError ? { kind: page.error.kind, retry: () => void page.refetch() } : undefined}
        onOpen={(sale) => navigate(`/sales/${sale.id}`)}
        empty={{ title: status === 'open' ? 'Nothing waits for review' : 'Nothing reviewed yet', description: 'Offline sales with deviations appear here.' }}
        filters={
          <>
            <Select
              label="Review"
              hideLabel
              options={STATUS_OPTIONS}
              value={status}
              onChange={(event) => table.setFilter('status', event.target.value === 'reviewed' ? 'reviewed' : '')}
            />
            <Select
              label="Store"
              hideLabel
              placeholder="All stores"
              options={(directory.data?.stores ?? []).map((store) => ({ value: store.id, label: store.name }))}
              value={storeId ?? ''}
              onChange={(event) => table.setFilter('storeId', event.target.value)}
            />
          </>
        }
      />
      {reviewing && (
        <ReviewDialog
          what={`receipt #${reviewing.receiptNumber}`}
          send={(http, body) => http.POST('/api/v1/sales/{id}/review', { params: { path: { id: reviewing.id } }, body })}
          onClose={() => setReviewing(undefined)}
        />
      )}
      <section aria-labelledby="offline-refunds" className={styles.refundReview}>
        <h2 id="offline-refunds" className={styles.heading}>
          Offline refunds
        </h2>
        <OfflineRefundsReview status={status} storeId={storeId} />
      </section>
    </>
  );
}
