'use client';
import { useMemo } from 'react';
import { useSession } from '@kassa/web/auth';
import { useApiQuery } from '@kassa/web/data-access';
import {
  Badge,
  Button,
  DataTable,
  PageHeader,
  ProblemState,
  Select,
  useDataTableQuery,
  useNavigationGuard,
  useShopFormat,
  type DataTableColumn,
} from '@kassa/web/ui';
import { PurchasingNav } from './purchasing-nav';
import { purchaseOrderKeys, STATUS_LABEL, type PurchaseOrder, type PurchaseOrderStatus } from './purchasing-requests';

const statusOptions = (statuses: PurchaseOrderStatus[]) => statuses.map((status) => ({ value: status, label: STATUS_LABEL[status] }));
const STATUS_OPTIONS = statusOptions(Object.keys(STATUS_LABEL) as PurchaseOrderStatus[]);
/** What a receiver without `purchasing:read` is shown (the API lists nothing else to them). */
const RECEIVABLE_OPTIONS = statusOptions(['ordered', 'partially_received']);

/**
 * Purchase orders newest first, by state. As the approval inbox (`inbox`) it lists only the orders
 * waiting for approval, for those who may approve them. A receiver who may not read purchasing (a
 * cashier) sees the deliveries to receive.
 */
export function PurchaseOrdersView({ inbox = false }: { inbox?: boolean }) {
  const { me, can } = useSession();
  const format = useShopFormat();
  const { navigate } = useNavigationGuard();
  const table = useDataTableQuery({ pageSize: 50 });
  const receiverOnly = !can('purchasing:read') && can('purchasing:receive');
  const allowed = inbox ? can('purchasing:read') && can('purchasing:approve') : can('purchasing:read') || receiverOnly;
  const status = inbox ? 'submitted' : (table.filterValues['status'] as PurchaseOrderStatus | undefined) || undefined;
  const page = useApiQuery(
    purchaseOrderKeys.list({ ...table.query, status }),
    (http, signal) => http.GET('/api/v1/purchase-orders', { params: { query: { status, cursor: table.query.cursor, limit: table.query.limit } }, signal }),
    { keepPrevious: true, enabled: allowed },
  );
  const columns = useMemo<DataTableColumn<PurchaseOrder>[]>(
    () => [
      { id: 'number', header: 'Number', cell: (order) => <strong>{order.number}</strong>, hideable: false },
      { id: 'supplier', header: 'Supplier', cell: (order) => order.supplierName },
      { id: 'status', header: 'State', cell: (order) => <Badge tone={order.status === 'rejected' ? 'error' : 'neutral'}>{STATUS_LABEL[order.status]}</Badge> },
      { id: 'lines', header: 'Lines', cell: (order) => order.lines.length, align: 'end' },
      { id: 'total', header: 'Total', cell: (order) => format.money(order.totalMinor), align: 'end' },
      { id: 'created', header: 'Created', cell: (order) => format.dateTime(order.createdAt) },
    ],
    [format],
  );
  const title = inbox ? 'Approval inbox' : receiverOnly ? 'Deliveries to receive' : 'Purchase orders';
  if (!allowed) {
    return (
      <>
        <PageHeader title={title} />
        <ProblemState kind="forbidden" subject={title} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={title}
        description={
          inbox
            ? 'Orders submitted for approval, newest first.'
            : receiverOnly
              ? 'Orders on their way: open one to scan the delivery in.'
              : 'What the shop orders from its suppliers, newest first.'
        }
        actions={
          can('purchasing:manage') && (
            <Button variant="primary" onClick={() => navigate('/purchasing/orders/new')}>
              New order
            </Button>
          )
        }
      />
      <PurchasingNav />
      <DataTable
        label={title}
        columns={columns}
        rowId={(order) => order.id}
        rowLabel={(order) => `${order.number} from ${order.supplierName}`}
        state={table}
        page={page.data}
        loading={page.isPending}
        refreshing={page.isPlaceholderData}
        failure={page.isError ? { kind: page.error.kind, retry: () => void page.refetch() } : undefined}
        onOpen={(order) => navigate(`/purchasing/orders/${order.id}`)}
        preferencesKey={me ? `purchase-orders:${me.user.id}` : undefined}
        empty={
          inbox
            ? { title: 'Nothing to approve' }
            : receiverOnly
              ? { title: 'No deliveries due' }
              : { title: 'No purchase orders yet', description: 'Create one, or draft them from the reorder suggestions.' }
        }
        filters={
          !inbox && (
            <Select
              label="State"
              hideLabel
              placeholder="Any state"
              options={receiverOnly ? RECEIVABLE_OPTIONS : STATUS_OPTIONS}
              value={table.filterValues['status'] ?? ''}
              onChange={(event) => table.setFilter('status', event.target.value)}
            />
          )
        }
      />
    </>
  );
}
