'use client';
import type { Schemas } from '@kassa/api-client';
import { useSession } from '@kassa/web/auth';
import { queryKeys, useApiMutation, useApiQuery } from '@kassa/web/data-access';
import { Button, DataTable, PageHeader, ProblemState, Skeleton, useDataTableQuery, useShopFormat, useToasts, type DataTableColumn } from '@kassa/web/ui';
import { SettingsNav } from './settings-nav';
import styles from './admin.module.css';

type DeadLetter = Schemas['DeadLetterDto'];

/** Event deliveries to the shop's own consumers (webhooks, mail, rollups) that failed every attempt, to be retried. */
export function DeadLettersView() {
  const { me, can } = useSession();
  const format = useShopFormat();
  const toasts = useToasts();
  const allowed = can('dead_letters:manage');
  const table = useDataTableQuery({ pageSize: 50 });
  const letters = useApiQuery(queryKeys.list('dead-letter'), (http, signal) => http.GET('/api/v1/admin/dead-letters', { signal }), { enabled: allowed });
  const retry = useApiMutation((http, id: string) => http.POST('/api/v1/admin/dead-letters/{id}/retry', { params: { path: { id } } }), {
    invalidates: [queryKeys.entity('dead-letter')],
  });
  const columns: DataTableColumn<DeadLetter>[] = [
    { id: 'createdAt', header: 'Failed', cell: (letter) => format.dateTime(letter.createdAt), hideable: false },
    { id: 'eventType', header: 'Event', cell: (letter) => <span className={styles.code}>{letter.eventType}</span> },
    { id: 'consumer', header: 'Consumer', cell: (letter) => letter.consumer },
    { id: 'attempts', header: 'Attempts', cell: (letter) => format.number(letter.attempts), align: 'end' },
    { id: 'lastError', header: 'Last error', cell: (letter) => letter.lastError },
    {
      id: 'retry',
      header: 'Retry',
      hideable: false,
      cell: (letter) =>
        letter.retriedAt ? (
          `Retried ${format.dateTime(letter.retriedAt)}`
        ) : (
          <Button
            size="small"
            aria-label={`Retry ${letter.eventType} for ${letter.consumer}`}
            loading={retry.isPending && retry.variables === letter.id}
            onClick={() =>
              void retry.mutateAsync(letter.id).then(
                () => toasts.show({ message: 'Queued again.', tone: 'success' }),
                (error: Error) => toasts.show({ message: error.message, tone: 'error' }),
              )
            }
          >
            Retry
          </Button>
        ),
    },
  ];
  if (!me) return <Skeleton lines={4} label="Loading" />;
  if (!allowed) {
    return (
      <>
        <PageHeader title="Failed deliveries" />
        <ProblemState kind="forbidden" />
      </>
    );
  }
  return (
    <>
      <PageHeader title="Failed deliveries" description="Events a consumer could not handle after every retry. Fix the cause, then retry them." />
      <SettingsNav />
      <DataTable
        label="Failed deliveries"
        columns={columns}
        rowId={(letter) => letter.id}
        rowLabel={(letter) => `${letter.eventType} ${letter.consumer}`}
        state={table}
        page={letters.data}
        loading={letters.isPending}
        failure={letters.isError ? { kind: letters.error.kind, retry: () => void letters.refetch() } : undefined}
        empty={{ title: 'Nothing failed', description: 'Events that fail every attempt wait here for a retry.' }}
      />
    </>
  );
}
