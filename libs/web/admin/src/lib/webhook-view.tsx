'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import type { Schemas } from '@kassa/api-client';
import { isUuid } from '@kassa/contracts';
import { useSession } from '@kassa/web/auth';
import { useApiMutation, useApiQuery } from '@kassa/web/data-access';
import {
  Badge,
  Button,
  ConfirmDialog,
  DataTable,
  DetailList,
  Dialog,
  Drawer,
  PageHeader,
  ProblemState,
  Skeleton,
  Switch,
  useDataTableQuery,
  useShopFormat,
  useToasts,
  type BadgeTone,
  type DataTableColumn,
} from '@kassa/web/ui';
import { SecretReveal } from './secret-reveal';
import { SettingsNav } from './settings-nav';
import { eventsText, webhookKeys } from './webhooks-view';
import styles from './admin.module.css';

type Delivery = Schemas['WebhookDeliveryDto'];
const BACK = { href: '/settings/webhooks', label: 'Webhooks' };
const STATUS: Record<Delivery['status'], { label: string; tone: BadgeTone }> = {
  pending: { label: 'Retrying', tone: 'warn' },
  succeeded: { label: 'Delivered', tone: 'ok' },
  failed: { label: 'Failed', tone: 'error' },
};
/** A pending delivery not tried yet is queued; once an attempt failed it is retrying. */
const statusOf = (delivery: Pick<Delivery, 'status' | 'attemptCount'>) =>
  delivery.status === 'pending' && delivery.attemptCount === 0 ? { label: 'Queued', tone: 'info' as const } : STATUS[delivery.status];
// Deliveries are sent after the request; the log is asked again while it is on screen.
const LOG_REFRESH_MS = 3_000;

/** One endpoint: its settings, test ping, secret rotation, and the delivery log with each attempt and redelivery. */
export function WebhookView() {
  const { id } = useParams<{ id: string }>();
  const valid = isUuid(id);
  const { can } = useSession();
  const format = useShopFormat();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const allowed = can('webhooks:manage');
  const [rotated, setRotated] = useState<string>();
  const [rotating, setRotating] = useState(false);
  const [opened, setOpened] = useState<string>();
  const hook = useApiQuery(webhookKeys.detail(id), (http, signal) => http.GET('/api/v1/webhooks/{id}', { params: { path: { id } }, signal }), {
    enabled: valid && allowed,
  });
  const table = useDataTableQuery({ pageSize: 25 });
  const { cursor, limit } = table.query;
  const deliveries = useApiQuery(
    webhookKeys.deliveries(id, { cursor, limit }),
    (http, signal) => http.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: { cursor, limit } }, signal }),
    { enabled: valid && allowed && hook.isSuccess, keepPrevious: true, refetchInterval: LOG_REFRESH_MS },
  );
  const refreshLog = () => queryClient.invalidateQueries({ queryKey: webhookKeys.detail(id) });
  const test = useApiMutation((http) => http.POST('/api/v1/webhooks/{id}/test', { params: { path: { id } } }), { onSuccess: () => void refreshLog() });
  const toggle = useApiMutation(
    (http, { enabled, version }: { enabled: boolean; version: number }) =>
      http.PATCH('/api/v1/webhooks/{id}', { params: { path: { id }, header: { 'If-Match': `"${version}"` } }, body: { enabled } }),
    { invalidates: [webhookKeys.all] },
  );
  const rotate = useApiMutation((http) => http.POST('/api/v1/webhooks/{id}/rotate-secret', { params: { path: { id } } }), { invalidates: [webhookKeys.all] });

  if (!allowed || !valid || hook.isError) {
    return (
      <>
        <PageHeader title="Webhook" back={BACK} />
        <ProblemState
          kind={!allowed ? 'forbidden' : hook.isError ? hook.error.kind : 'not-found'}
          subject="This endpoint"
          onRetry={hook.isError ? () => void hook.refetch() : undefined}
        />
      </>
    );
  }
  const data = hook.data;
  if (!data) {
    return (
      <>
        <PageHeader title="Webhook" back={BACK} />
        <Skeleton lines={6} label="Loading the endpoint" />
      </>
    );
  }
  const columns: DataTableColumn<Delivery>[] = [
    {
      id: 'createdAt',
      header: 'Created',
      cell: (delivery) => format.dateTime(delivery.createdAt, { dateStyle: 'short', timeStyle: 'medium' }),
      hideable: false,
    },
    { id: 'eventType', header: 'Event', cell: (delivery) => <span className={styles.code}>{delivery.eventType}</span> },
    { id: 'status', header: 'Status', cell: (delivery) => <Badge tone={statusOf(delivery).tone}>{statusOf(delivery).label}</Badge> },
    { id: 'attemptCount', header: 'Attempts', cell: (delivery) => format.number(delivery.attemptCount), align: 'end' },
    { id: 'lastError', header: 'Last error', cell: (delivery) => delivery.lastError ?? '—' },
  ];
  return (
    <>
      <PageHeader
        title={data.url}
        back={BACK}
        description={data.description ?? undefined}
        actions={
          <>
            <Button onClick={() => setRotating(true)}>Rotate secret</Button>
            <Button
              variant="primary"
              loading={test.isPending}
              onClick={() =>
                void test.mutateAsync(undefined).then(
                  () => toasts.show({ message: 'Test ping queued.', tone: 'success' }),
                  (error: Error) => toasts.show({ message: error.message, tone: 'error' }),
                )
              }
            >
              Send test
            </Button>
          </>
        }
      />
      <SettingsNav />
      <section className={styles.section} aria-labelledby="webhook-settings">
        <h2 id="webhook-settings" className={styles.heading}>
          Endpoint
        </h2>
        <DetailList
          items={[
            ['Events', eventsText(data.events)],
            ['Added', format.dateTime(data.createdAt)],
            ...(data.disabledReason ? [['Disabled by Kassa', data.disabledReason] as const] : []),
          ]}
        />
        <Switch
          label="Enabled"
          description="Disabled endpoints get no deliveries."
          checked={data.enabled}
          disabled={toggle.isPending}
          onChange={(enabled) =>
            void toggle.mutateAsync({ enabled, version: data.version }).then(
              (saved) => queryClient.setQueryData(webhookKeys.detail(id), saved),
              (error: Error) => toasts.show({ message: error.message, tone: 'error' }),
            )
          }
        />
      </section>
      <section className={styles.section} aria-labelledby="webhook-deliveries">
        <h2 id="webhook-deliveries" className={styles.heading}>
          Deliveries
        </h2>
        <DataTable
          label="Deliveries"
          columns={columns}
          rowId={(delivery) => delivery.id}
          rowLabel={(delivery) => `${delivery.eventType} ${statusOf(delivery).label}`}
          state={table}
          page={deliveries.data}
          loading={deliveries.isPending}
          refreshing={deliveries.isPlaceholderData}
          failure={deliveries.isError ? { kind: deliveries.error.kind, retry: () => void deliveries.refetch() } : undefined}
          onOpen={(delivery) => setOpened(delivery.id)}
          empty={{ title: 'Nothing delivered yet', description: 'Send a test to see a delivery here.' }}
        />
      </section>
      {opened && <DeliveryDrawer id={opened} onClose={() => setOpened(undefined)} onRedelivered={() => void refreshLog()} />}
      <ConfirmDialog
        open={rotating}
        onOpenChange={setRotating}
        title="Rotate the signing secret?"
        description="For 24 hours deliveries carry signatures with the new and the old secret, so the receiver can switch without missing one."
        confirmLabel="Rotate secret"
        onConfirm={async () => setRotated((await rotate.mutateAsync(undefined)).secret)}
      />
      {rotated && (
        <Dialog
          open
          onOpenChange={(open) => !open && setRotated(undefined)}
          title="New signing secret"
          description="Copy it into the receiving system now: Kassa shows it only once."
          footer={
            <Button variant="primary" onClick={() => setRotated(undefined)}>
              Done
            </Button>
          }
        >
          <SecretReveal label="Signing secret" value={rotated} />
        </Dialog>
      )}
    </>
  );
}

function DeliveryDrawer({ id, onClose, onRedelivered }: { id: string; onClose(): void; onRedelivered(): void }) {
  const format = useShopFormat();
  const toasts = useToasts();
  const delivery = useApiQuery(webhookKeys.delivery(id), (http, signal) => http.GET('/api/v1/webhooks/deliveries/{id}', { params: { path: { id } }, signal }), {
    refetchInterval: LOG_REFRESH_MS,
  });
  const redeliver = useApiMutation((http) => http.POST('/api/v1/webhooks/deliveries/{id}/redeliver', { params: { path: { id } } }), {
    onSuccess: onRedelivered,
  });
  const data = delivery.data;
  return (
    <Drawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={data ? `Delivery of ${data.eventType}` : 'Delivery'}
      footer={
        <Button
          variant="primary"
          loading={redeliver.isPending}
          onClick={() =>
            void redeliver.mutateAsync(undefined).then(
              () => {
                toasts.show({ message: 'Sent again as a new delivery.', tone: 'success' });
                onClose();
              },
              (error: Error) => toasts.show({ message: error.message, tone: 'error' }),
            )
          }
        >
          Redeliver
        </Button>
      }
    >
      {delivery.isError ? (
        <ProblemState kind={delivery.error.kind} headingLevel={3} onRetry={() => void delivery.refetch()} />
      ) : !data ? (
        <Skeleton lines={5} label="Loading the delivery" />
      ) : (
        <div className={styles.stack}>
          <DetailList
            items={[
              ['Status', <Badge tone={statusOf(data).tone}>{statusOf(data).label}</Badge>],
              ['webhook-id', <span className={styles.code}>{data.eventId}</span>],
              ...(data.nextAttemptAt ? [['Next attempt', format.dateTime(data.nextAttemptAt, { timeStyle: 'medium' })] as const] : []),
            ]}
          />
          <table className={styles.diff} aria-label="Attempts">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Time</th>
                <th scope="col">Status</th>
                <th scope="col">Latency</th>
                <th scope="col">Response</th>
              </tr>
            </thead>
            <tbody>
              {data.attempts.map((attempt) => (
                <tr key={attempt.attempt}>
                  <th scope="row">{attempt.attempt}</th>
                  <td>{format.dateTime(attempt.attemptedAt, { timeStyle: 'medium' })}</td>
                  <td>{attempt.statusCode ?? 'No answer'}</td>
                  <td>{format.number(attempt.latencyMs)} ms</td>
                  <td className={styles.code}>{attempt.error ?? attempt.responseExcerpt ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <details>
            <summary>Payload</summary>
            <pre className={styles.code}>{JSON.stringify(data.payload, null, 2)}</pre>
          </details>
        </div>
      )}
    </Drawer>
  );
}
