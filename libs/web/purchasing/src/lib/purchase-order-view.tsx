'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { isUuid } from '@kassa/contracts';
import { useSession } from '@kassa/web/auth';
import { useApiMutation, useApiQuery } from '@kassa/web/data-access';
import {
  Badge,
  Button,
  ConfirmDialog,
  Dialog,
  formatDay,
  Input,
  PageHeader,
  Skeleton,
  useNavigationGuard,
  useShopFormat,
  useShopLocale,
  useToasts,
  sectionStyles,
  RecordPlaceholder,
} from '@kassa/web/ui';
import { PurchasingNav } from './purchasing-nav';
import { purchaseOrderKeys, reorderKeys, STATUS_LABEL, type PurchaseOrder, type Receipt } from './purchasing-requests';
import { ReceivingPanel } from './receiving-panel';
import styles from './purchasing.module.css';

const BACK = { href: '/purchasing', label: 'Purchase orders' };
/** Where a receiver who may not read purchasing (a cashier) came from. */
const BACK_TO_DELIVERIES = { href: '/purchasing', label: 'Deliveries to receive' };

type Action = 'submit' | 'approve' | 'reject' | 'reopen' | 'order' | 'close' | 'cancel';

/** The actions each state offers and who may take them (the API refuses the rest anyway). */
const OFFERED: Record<PurchaseOrder['status'], { action: Action; label: string; permission: string; variant?: 'primary' | 'danger' }[]> = {
  draft: [
    { action: 'cancel', label: 'Cancel order', permission: 'purchasing:manage', variant: 'danger' },
    { action: 'submit', label: 'Submit for approval', permission: 'purchasing:manage', variant: 'primary' },
  ],
  submitted: [
    { action: 'cancel', label: 'Cancel order', permission: 'purchasing:manage', variant: 'danger' },
    { action: 'reject', label: 'Reject', permission: 'purchasing:approve' },
    { action: 'approve', label: 'Approve', permission: 'purchasing:approve', variant: 'primary' },
  ],
  rejected: [{ action: 'reopen', label: 'Reopen as draft', permission: 'purchasing:manage', variant: 'primary' }],
  approved: [
    { action: 'cancel', label: 'Cancel order', permission: 'purchasing:manage', variant: 'danger' },
    { action: 'order', label: 'Mark as ordered', permission: 'purchasing:manage', variant: 'primary' },
  ],
  ordered: [{ action: 'close', label: 'Close: the rest will not come', permission: 'purchasing:manage' }],
  partially_received: [{ action: 'close', label: 'Close: the rest will not come', permission: 'purchasing:manage' }],
  received: [],
  closed: [],
  cancelled: [],
};

/** One purchase order: its lines, the steps its state allows, receiving, and the page the supplier gets. */
export function PurchaseOrderView() {
  const { id } = useParams<{ id: string }>();
  const valid = isUuid(id);
  const { can } = useSession();
  const format = useShopFormat();
  const { locale } = useShopLocale();
  const toasts = useToasts();
  const { navigate } = useNavigationGuard();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const [received, setReceived] = useState<Receipt>();
  const back = can('purchasing:read') ? BACK : BACK_TO_DELIVERIES;
  const order = useApiQuery(purchaseOrderKeys.detail(id), (http, signal) => http.GET('/api/v1/purchase-orders/{id}', { params: { path: { id } }, signal }), {
    enabled: valid,
  });
  const act = useApiMutation(
    (http, { action, version, body }: { action: Action; version: number; body?: { reason: string } }) => {
      const params = { path: { id }, header: { 'If-Match': `"${version}"` } };
      switch (action) {
        case 'submit':
          return http.POST('/api/v1/purchase-orders/{id}/submit', { params });
        case 'approve':
          return http.POST('/api/v1/purchase-orders/{id}/approve', { params });
        case 'reject':
          return http.POST('/api/v1/purchase-orders/{id}/reject', { params, body: body ?? { reason: '' } });
        case 'reopen':
          return http.POST('/api/v1/purchase-orders/{id}/reopen', { params });
        case 'order':
          return http.POST('/api/v1/purchase-orders/{id}/order', { params });
        case 'close':
          return http.POST('/api/v1/purchase-orders/{id}/close', { params });
        case 'cancel':
          return http.POST('/api/v1/purchase-orders/{id}/cancel', { params });
      }
    },
    {
      invalidates: [purchaseOrderKeys.all, reorderKeys.all],
      onSuccess: (saved) => queryClient.setQueryData(purchaseOrderKeys.detail(id), saved),
    },
  );

  const data = order.data;
  if (!valid || order.isError || !data) {
    return <RecordPlaceholder title="Purchase order" back={back} subject="This purchase order" valid={valid} query={order} />;
  }

  async function run(action: Action, body?: { reason: string }) {
    if (!data) return;
    setProblem(undefined);
    try {
      const saved = await act.mutateAsync({ action, version: data.version, body });
      toasts.show({ message: `${saved.number}: ${STATUS_LABEL[saved.status].toLowerCase()}.`, tone: 'success' });
      setRejecting(false);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  const offered = OFFERED[data.status].filter((offer) => can(offer.permission));
  const receivable = ['ordered', 'partially_received'].includes(data.status) && can('purchasing:receive');
  const editable = data.status === 'draft' && can('purchasing:manage');
  return (
    <>
      <PageHeader
        title={`Purchase order ${data.number}`}
        back={back}
        description={
          <span className={styles.summary}>
            <span>{data.supplierName}</span>
            <span>{format.money(data.totalMinor)}</span>
            <Badge tone={data.status === 'rejected' ? 'error' : data.status === 'received' ? 'ok' : 'neutral'}>{STATUS_LABEL[data.status]}</Badge>
          </span>
        }
        actions={[
          editable && (
            <Button key="edit" onClick={() => navigate(`/purchasing/orders/${data.id}/edit`)}>
              Edit draft
            </Button>
          ),
          ...offered.map((offer) => (
            <Button
              key={offer.action}
              variant={offer.variant}
              loading={act.isPending && act.variables?.action === offer.action}
              onClick={() => (offer.action === 'reject' ? setRejecting(true) : offer.action === 'cancel' ? setCancelling(true) : void run(offer.action))}
            >
              {offer.label}
            </Button>
          )),
        ]}
      />
      <PurchasingNav />
      {problem && (
        <p className={styles.notice} role="alert">
          {problem}
        </p>
      )}
      {data.rejectionReason && (
        <p className={styles.notice} role="note">
          Rejected: {data.rejectionReason}
        </p>
      )}
      <section className={sectionStyles.section} aria-labelledby="order-lines">
        <h2 id="order-lines" className={sectionStyles.heading}>
          Lines
        </h2>
        <div className={sectionStyles.tableScroll}>
          <table className={sectionStyles.table}>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" className={sectionStyles.end}>
                  Ordered
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Received
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Unit cost
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Total
                </th>
                <th scope="col">Expected</th>
              </tr>
            </thead>
            <tbody>
              {data.lines.map((line) => (
                <tr key={line.id}>
                  <td>
                    {line.name} <span className={styles.muted}>{line.sku}</span>
                  </td>
                  <td className={sectionStyles.end}>
                    {line.quantity}
                    {line.packSize && line.packSize > 1 && (
                      <span className={styles.muted}>
                        {' '}
                        ({format.number(line.quantity / line.packSize)} × {line.packSize})
                      </span>
                    )}
                  </td>
                  <td className={sectionStyles.end}>{line.receivedQuantity}</td>
                  <td className={sectionStyles.end}>{format.money(line.unitCostMinor)}</td>
                  <td className={sectionStyles.end}>{format.money(line.totalMinor)}</td>
                  <td>{line.expectedDate ? formatDay(line.expectedDate, locale, { dateStyle: 'medium' }) : <span className={styles.muted}>—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {received && <ReceivedIntoStock receipt={received} storeId={data.storeId} lines={data.lines} />}
      {receivable && (
        <ReceivingPanel
          key={data.version}
          order={data}
          onReceived={(receipt) => {
            setReceived(receipt);
            queryClient.setQueryData(purchaseOrderKeys.detail(id), receipt.purchaseOrder);
          }}
        />
      )}
      {/* The supplier's page shows what the shop pays: for those who may read purchasing, not for a receiver alone. */}
      {can('purchasing:read') && <OrderDocument orderId={data.id} number={data.number} />}
      <ConfirmDialog
        open={cancelling}
        onOpenChange={setCancelling}
        title={`Cancel ${data.number}?`}
        description="A cancelled order cannot be reopened."
        confirmLabel="Cancel order"
        cancelLabel="Keep it"
        tone="danger"
        onConfirm={() => run('cancel').then(() => setCancelling(false))}
      />
      <Dialog
        open={rejecting}
        onOpenChange={setRejecting}
        title={`Reject ${data.number}`}
        footer={
          <>
            <Button onClick={() => setRejecting(false)}>Keep it</Button>
            <Button variant="danger" disabled={!reason.trim()} loading={act.isPending} onClick={() => void run('reject', { reason: reason.trim() })}>
              Reject
            </Button>
          </>
        }
      >
        <Input label="Reason" value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} required />
      </Dialog>
    </>
  );
}

/** The order as the supplier gets it (the API's printable page), shown sandboxed. */
function OrderDocument({ orderId, number }: { orderId: string; number: string }) {
  const [shown, setShown] = useState(false);
  const page = useApiQuery(
    [...purchaseOrderKeys.detail(orderId), 'document'],
    (http, signal) => http.GET('/api/v1/purchase-orders/{id}/document', { params: { path: { id: orderId } }, parseAs: 'text', signal }),
    { enabled: shown },
  );
  return (
    <section className={sectionStyles.section} aria-labelledby="order-document">
      <h2 id="order-document" className={sectionStyles.heading}>
        Order document
      </h2>
      {!shown ? (
        <div className={sectionStyles.actions}>
          <Button onClick={() => setShown(true)}>Show the page for the supplier</Button>
        </div>
      ) : page.data === undefined ? (
        <Skeleton lines={6} label="Loading the order document" />
      ) : (
        <iframe className={styles.document} title={`${number} as the supplier gets it`} sandbox="allow-modals" srcDoc={page.data} />
      )}
    </section>
  );
}

/**
 * What the last receipt put on the shelf: each product's stock in the order's store and its cost now (the
 * weighted average the receipt gave it), read back from the catalog and the stock levels.
 */
function ReceivedIntoStock({ receipt, storeId, lines }: { receipt: Receipt; storeId: string; lines: PurchaseOrder['lines'] }) {
  const format = useShopFormat();
  return (
    <section className={sectionStyles.section} aria-labelledby="received-into-stock">
      <h2 id="received-into-stock" className={sectionStyles.heading}>
        Received into stock
      </h2>
      <div className={sectionStyles.tableScroll}>
        <table className={sectionStyles.table} aria-label="Received into stock">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className={sectionStyles.end}>
                Received
              </th>
              <th scope="col" className={sectionStyles.end}>
                On hand now
              </th>
              <th scope="col" className={sectionStyles.end}>
                Cost now
              </th>
            </tr>
          </thead>
          <tbody>
            {receipt.lines.map((line) => (
              <ReceivedRow
                key={line.lineId}
                productId={line.productId}
                storeId={storeId}
                name={lines.find((ordered) => ordered.id === line.lineId)?.name ?? ''}
                quantity={line.quantity}
                receiptId={receipt.id}
                money={format.money}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ReceivedRow(props: { productId: string; storeId: string; name: string; quantity: number; receiptId: string; money(minor: number): string }) {
  const { productId, storeId, receiptId } = props;
  const product = useApiQuery(['received', receiptId, 'product', productId], (http, signal) =>
    http.GET('/api/v1/products/{id}', { params: { path: { id: productId } }, signal }),
  );
  const level = useApiQuery(['received', receiptId, 'level', productId], (http, signal) =>
    http.GET('/api/v1/inventory/levels', { params: { query: { storeId, productId } }, signal }),
  );
  const cost = product.data?.costMinor;
  return (
    <tr>
      <td>{props.name}</td>
      <td className={sectionStyles.end}>{props.quantity}</td>
      <td className={sectionStyles.end}>{level.data ? (level.data.items[0]?.onHand ?? 0) : '…'}</td>
      <td className={sectionStyles.end}>{product.data ? (cost === null || cost === undefined ? '—' : props.money(cost)) : '…'}</td>
    </tr>
  );
}
