'use client';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { isUuid } from '@kassa/contracts';
import { useSession } from '@kassa/web/auth';
import { callApi, queryKeys, useApiAccess, useApiQuery } from '@kassa/web/data-access';
import {
  DataTable,
  DatePicker,
  DetailList,
  Drawer,
  dayRangeInstants,
  PageHeader,
  ProblemState,
  SearchInput,
  Select,
  Skeleton,
  useDataTableQuery,
  useShopFormat,
  useShopLocale,
  useToasts,
  type DataTableColumn,
  type IsoDay,
} from '@kassa/web/ui';
import { ACTION_LABEL, AuditChanges, AuditMetadata, useActorName, type AuditEntry } from './audit-entries';
import { SettingsNav } from './settings-nav';
import styles from './admin.module.css';

interface AuditQuery {
  actorType?: AuditEntry['actorType'];
  actorId?: string;
  action?: AuditEntry['action'];
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

const ENTITY_TYPES = [
  ['product', 'Product'],
  ['category', 'Category'],
  ['sale', 'Sale'],
  ['customer', 'Customer'],
  ['stock_level', 'Stock level'],
  ['stock_count', 'Stock count'],
  ['supplier', 'Supplier'],
  ['purchase_order', 'Purchase order'],
  ['user', 'User'],
  ['store', 'Store'],
  ['register', 'Register'],
  ['device', 'Device'],
  ['tenant', 'Shop settings'],
  ['api_key', 'API key'],
  ['webhook', 'Webhook'],
  ['audit_log', 'Audit log'],
] as const;
const ACTION_OPTIONS = Object.entries(ACTION_LABEL).map(([value, label]) => ({ value, label }));

/** The audit log's filters as the API takes them; days are the shop's, turned into instants in its time zone. */
function auditQuery(filters: Readonly<Record<string, string>>, timeZone: string): AuditQuery {
  const { actorId, action, entityType, entityId, from, to } = filters;
  const days = from || to ? dayRangeInstants((from || to) as IsoDay, (to || from) as IsoDay, timeZone) : undefined;
  return {
    ...(actorId ? { actorType: 'user' as const, actorId } : {}),
    ...(action ? { action: action as AuditEntry['action'] } : {}),
    ...(entityType ? { entityType } : {}),
    ...(entityId ? { entityId } : {}),
    ...(days ?? {}),
  };
}

/** Who changed what, when: the shop's audit log with filters, field diffs side by side, and a CSV export (owners). */
export function AuditLogView() {
  const { me, can } = useSession();
  const format = useShopFormat();
  const { timeZone } = useShopLocale();
  const access = useApiAccess();
  const toasts = useToasts();
  const actorName = useActorName();
  const params = useSearchParams();
  const allowed = can('audit:read');
  const table = useDataTableQuery({
    pageSize: 50,
    initialFilters: Object.fromEntries(
      ['entityType', 'entityId', 'action', 'actorId'].flatMap((key) => (params.get(key) ? [[key, params.get(key) ?? '']] : [])),
    ),
  });
  const { filters, cursor, limit } = table.query;
  const query = auditQuery(filters, timeZone);
  const [opened, setOpened] = useState<AuditEntry>();
  const log = useApiQuery(
    queryKeys.list('audit-log', { ...query, cursor, limit }),
    (http, signal) => http.GET('/api/v1/audit-logs', { params: { query: { ...query, cursor, limit } }, signal }),
    { enabled: allowed, keepPrevious: true },
  );
  const users = useApiQuery(
    queryKeys.list('user', { limit: 200 }),
    (http, signal) => http.GET('/api/v1/users', { params: { query: { limit: 200 } }, signal }),
    {
      enabled: allowed && can('users:read'),
    },
  );

  const columns: DataTableColumn<AuditEntry>[] = [
    { id: 'createdAt', header: 'Time', cell: (entry) => format.dateTime(entry.createdAt, { dateStyle: 'short', timeStyle: 'medium' }), hideable: false },
    { id: 'actor', header: 'Who', cell: (entry) => actorName(entry) },
    { id: 'action', header: 'Action', cell: (entry) => ACTION_LABEL[entry.action] },
    {
      id: 'entity',
      header: 'Record',
      cell: (entry) => (
        <>
          {ENTITY_TYPES.find(([type]) => type === entry.entityType)?.[1] ?? entry.entityType}
          {entry.entityId && <span className={`${styles.muted} ${styles.code}`}> {entry.entityId}</span>}
        </>
      ),
    },
    {
      id: 'changes',
      header: 'Changes',
      width: '40%',
      cell: (entry) => (
        <>
          <AuditChanges changes={entry.changes} />
          <AuditMetadata metadata={entry.metadata} />
        </>
      ),
    },
    { id: 'ip', header: 'IP address', cell: (entry) => entry.ip ?? '—', hiddenByDefault: true },
    { id: 'requestId', header: 'Request id', cell: (entry) => <span className={styles.code}>{entry.requestId ?? '—'}</span>, hiddenByDefault: true },
  ];

  if (!me) return <Skeleton lines={4} label="Loading" />;
  if (!allowed) {
    return (
      <>
        <PageHeader title="Audit log" />
        <ProblemState kind="forbidden" />
      </>
    );
  }
  const day = (key: 'from' | 'to') => (table.filterValues[key] || null) as IsoDay | null;
  return (
    <>
      <PageHeader title="Audit log" description="Every change, sign-in and export in the shop, newest first. Nobody can edit or delete it." />
      <SettingsNav />
      <DataTable
        label="Audit log"
        columns={columns}
        rowId={(entry) => entry.id}
        rowLabel={(entry) => `${ACTION_LABEL[entry.action]} ${entry.entityType}`}
        state={table}
        page={log.data}
        loading={log.isPending}
        refreshing={log.isPlaceholderData}
        failure={log.isError ? { kind: log.error.kind, retry: () => void log.refetch() } : undefined}
        preferencesKey={`audit:${me.user.id}`}
        onOpen={(entry) => setOpened(entry)}
        onExport={() =>
          void downloadAuditCsv(access, query).catch(() => toasts.show({ message: 'The export could not be downloaded. Try again.', tone: 'error' }))
        }
        empty={{ title: 'Nothing recorded', description: 'Changes, sign-ins and exports appear here as they happen.' }}
        filters={
          <>
            <Select
              label="Record type"
              hideLabel
              placeholder="Any record"
              options={ENTITY_TYPES.map(([value, label]) => ({ value, label }))}
              value={table.filterValues['entityType'] ?? ''}
              onChange={(event) => table.setFilter('entityType', event.target.value)}
            />
            <SearchInput
              label="Record id"
              hideLabel
              placeholder="Record id"
              value={table.filterValues['entityId'] ?? ''}
              // Ids are whole uuids: half of one would be refused, so the list waits for the rest.
              onSearch={(value) => (value.trim() === '' || isUuid(value.trim())) && table.setFilter('entityId', value.trim())}
            />
            <Select
              label="Action"
              hideLabel
              placeholder="Any action"
              options={ACTION_OPTIONS}
              value={table.filterValues['action'] ?? ''}
              onChange={(event) => table.setFilter('action', event.target.value)}
            />
            <Select
              label="Who"
              hideLabel
              placeholder="Anyone"
              options={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))}
              value={table.filterValues['actorId'] ?? ''}
              onChange={(event) => table.setFilter('actorId', event.target.value)}
            />
            <DatePicker label="From day" value={day('from')} onChange={(value) => table.setFilter('from', value ?? '')} max={day('to') ?? undefined} />
            <DatePicker label="To day" value={day('to')} onChange={(value) => table.setFilter('to', value ?? '')} min={day('from') ?? undefined} />
          </>
        }
      />
      {opened && (
        <Drawer
          open
          onOpenChange={(open) => !open && setOpened(undefined)}
          title={`${ACTION_LABEL[opened.action]} ${ENTITY_TYPES.find(([type]) => type === opened.entityType)?.[1] ?? opened.entityType}`}
          description={format.dateTime(opened.createdAt, { dateStyle: 'full', timeStyle: 'medium' })}
        >
          <div className={styles.stack}>
            <DetailList
              items={[
                ['Who', actorName(opened)],
                ['Record id', <span className={styles.code}>{opened.entityId ?? '—'}</span>],
                ['IP address', opened.ip ?? '—'],
                ['Browser or client', opened.userAgent ?? '—'],
                ['Request id', <span className={styles.code}>{opened.requestId ?? '—'}</span>],
              ]}
            />
            <AuditChanges changes={opened.changes} />
            <AuditMetadata metadata={opened.metadata} />
          </div>
        </Drawer>
      )}
    </>
  );
}

/** The log as filtered now, as CSV from the API's streamed export, saved by the browser. */
async function downloadAuditCsv(access: ReturnType<typeof useApiAccess>, query: AuditQuery): Promise<void> {
  const csv = await callApi(access, (http) => http.GET('/api/v1/audit-logs/export', { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' }));
  const url = URL.createObjectURL(csv as Blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: 'audit-log.csv' });
  link.click();
  URL.revokeObjectURL(url);
}
