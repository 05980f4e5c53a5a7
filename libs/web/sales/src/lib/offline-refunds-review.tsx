'use client';
import { useMemo, useState } from 'react';
import type { Schemas } from '@kassa/api-client';
import { useApiQuery } from '@kassa/web/data-access';
import { Button, DataTable, useDataTableQuery, useNavigationGuard, useShopFormat, type DataTableColumn } from '@kassa/web/ui';
import { ReviewDialog } from './review-dialog';
import { saleKeys } from './sale-requests';
import { useStoreDirectory } from './store-directory';
import styles from './sales.module.css';

type OfflineRefund = Schemas['RefundReviewDto'];

const REFUND_FLAG_LABEL: Record<OfflineRefund['flags'][number], string> = {
  approval_unverified: 'the manager’s approval did not hold',
};

/** Refunds made offline at a till (their approval could not be checked there), oldest first, until a manager marks them reviewed. */
export function OfflineRefundsReview({ status, storeId }: { status: 'open' | 'reviewed'; storeId: string | undefined }) {
  const format = useShopFormat();
  const { navigate } = useNavigationGuard();
  const directory = useStoreDirectory();
  const table = useDataTableQuery({ pageSize: 50 });
  const { cursor, limit } = table.query;
  const [reviewing, setReviewing] = useState<OfflineRefund>();
  const page = useApiQuery(
    saleKeys.list({ refundReconciliation: status, storeId, cursor, limit }),
    (http, signal) => http.GET('/api/v1/sales/reconciliation/refunds', { params: { query: { status, storeId, cursor, limit } }, signal }),
    { keepPrevious: true },
  );
  const columns = useMemo<DataTableColumn<OfflineRefund>[]>(
    () => [
      { id: 'receipt', header: 'Receipt', cell: (refund) => <span className={styles.receiptNumber}>#{refund.receiptNumber}</span>, hideable: false },
      { id: 'time', header: 'Refunded', cell: (refund) => format.dateTime(refund.occurredAt) },
      { id: 'register', header: 'Register', cell: (refund) => directory.data?.registerName(refund.registerId) ?? '…' },
      { id: 'total', header: 'Paid back', cell: (refund) => format.money(refund.totalMinor), align: 'end' },
      {
        id: 'approval',
        header: 'Approval',
        cell: (refund) =>
          refund.flags.length > 0
            ? refund.flags.map((flag) => REFUND_FLAG_LABEL[flag]).join(', ')
            : refund.approvedBy
              ? 'Manager’s PIN checked'
              : 'Refunded by a manager',
      },
      {
        id: 'review',
        header: 'Review',
        hideable: false,
        cell: (refund) =>
          refund.reviewedAt ? (
            `Reviewed ${format.dateTime(refund.reviewedAt)}`
          ) : (
            <Button size="small" onClick={() => setReviewing(refund)} aria-label={`Mark reviewed: the refund of receipt #${refund.receiptNumber}`}>
              Mark reviewed
            </Button>
          ),
      },
    ],
    [format, directory.data],
  );
  return (
    <>
      <DataTable
        label="Offline refunds to review"
        columns={columns}
        rowId={(refund) => refund.id}
        rowLabel={(refund) => `Refund of receipt ${refund.receiptNumber}`}
        state={table}
        page={page.data}
        loading={page.isPending}
        refreshing={page.isPlaceholderData}
        failure={page.isError ? { kind: page.error.kind, retry: () => void page.refetch() } : undefined}
        onOpen={(refund) => navigate(`/sales/${refund.saleId}`)}
        empty={{
          title: status === 'open' ? 'No offline refund waits for review' : 'No offline refund reviewed yet',
          description: 'Refunds made offline at a till appear here.',
        }}
      />
      {reviewing && (
        <ReviewDialog
          what={`the refund of receipt #${reviewing.receiptNumber}`}
          send={(http, body) => http.POST('/api/v1/sales/refunds/{id}/review', { params: { path: { id: reviewing.id } }, body })}
          onClose={() => setReviewing(undefined)}
        />
      )}
    </>
  );
}
