'use client';
import type { Schemas } from '@kassa/api-client';
import { useSession } from '@kassa/web/auth';
import { queryKeys, useApiQuery, tablePageOf } from '@kassa/web/data-access';
import { Badge, DataTable, PageHeader, useDataTableQuery, useShopFormat, type DataTableColumn, type ShopFormat } from '@kassa/web/ui';
import { QueueImport } from './queue-import';

type Device = Schemas['DeviceDto'];

/** A heartbeat comes with every sync attempt (at least every 30 s while the till is open): the page follows it. */
const REFRESH_MS = 15_000;
/** Sales waiting longer than this make the day's figures wrong: the row says so. */
const STALE_QUEUE_MS = 60 * 60_000;

function waitingFor(since: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function columns(format: ShopFormat, now: number): DataTableColumn<Device>[] {
  return [
    { id: 'name', header: 'Device', cell: (device) => device.name, hideable: false },
    {
      id: 'state',
      header: 'State',
      cell: (device) => {
        if (device.revokedAt) return <Badge tone="neutral">Unpaired</Badge>;
        const oldest = device.sync?.oldestPendingAt;
        if (oldest && now - Date.parse(oldest) > STALE_QUEUE_MS) return <Badge tone="error">Sales waiting for {waitingFor(oldest, now)}</Badge>;
        if (device.sync && device.sync.refused > 0) return <Badge tone="warn">Refused sales</Badge>;
        return <Badge tone="ok">Paired</Badge>;
      },
    },
    { id: 'lastSeen', header: 'Last seen', cell: (device) => (device.lastSeenAt ? format.dateTime(device.lastSeenAt) : 'Never') },
    { id: 'waiting', header: 'Waiting', align: 'end', cell: (device) => (device.sync ? format.number(device.sync.pending) : '—') },
    {
      id: 'oldest',
      header: 'Oldest waiting',
      cell: (device) =>
        device.sync?.oldestPendingAt ? `${format.dateTime(device.sync.oldestPendingAt)} (${waitingFor(device.sync.oldestPendingAt, now)})` : '—',
    },
    { id: 'refused', header: 'Refused', align: 'end', cell: (device) => (device.sync ? format.number(device.sync.refused) : '—') },
    { id: 'lastError', header: 'Last error', cell: (device) => device.sync?.lastError ?? '' },
    {
      id: 'storage',
      header: 'Storage',
      hiddenByDefault: true,
      cell: (device) => (device.sync ? (device.sync.storagePersisted ? 'Persistent' : 'May be cleared') : '—'),
    },
    { id: 'appVersion', header: 'App version', hiddenByDefault: true, cell: (device) => device.appVersion ?? '' },
  ];
}

/** The shop's tills and their offline queues, from each till's last heartbeat. */
export function DevicesView() {
  const { me } = useSession();
  const format = useShopFormat();
  const table = useDataTableQuery({ pageSize: 50 });
  const { cursor, limit } = table.query;
  const devices = useApiQuery(
    queryKeys.list('device', { cursor, limit }),
    (http, signal) => http.GET('/api/v1/devices', { params: { query: { cursor, limit } }, signal }),
    { keepPrevious: true, refetchInterval: REFRESH_MS },
  );
  return (
    <>
      <PageHeader title="Devices" description="Paired tills, and the sales each holds that have not reached Kassa yet." actions={<QueueImport />} />
      <DataTable
        label="Devices"
        columns={columns(format, devices.dataUpdatedAt || Date.now())}
        rowId={(device) => device.id}
        rowLabel={(device) => device.name}
        state={table}
        {...tablePageOf(devices)}
        preferencesKey={me ? `devices:${me.user.id}` : undefined}
      />
    </>
  );
}
