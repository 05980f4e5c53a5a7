'use client';
import { useMemo, useState } from 'react';
import { useSession } from '@kassa/web/auth';
import { useApiQuery, tablePageOf } from '@kassa/web/data-access';
import {
  Badge,
  Button,
  DataTable,
  Dialog,
  PageHeader,
  ProblemState,
  Select,
  useDataTableQuery,
  useShopFormat,
  type BadgeTone,
  type DataTableColumn,
} from '@kassa/web/ui';
import { StoreRegisterFilter } from '../store-register-filter';
import { useStoreDirectory } from '../store-directory';
import { drawerOutcome, shiftKeys, type DrawerOutcome, type Shift } from './shift-requests';
import { ShiftSettingsDialog } from './shift-settings-dialog';
import styles from './shifts.module.css';

const STATUS_OPTIONS = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
];

const OUTCOME: Record<Exclude<DrawerOutcome, null>, { tone: BadgeTone; label: string }> = {
  short: { tone: 'error', label: 'Short' },
  over: { tone: 'warn', label: 'Over' },
  exact: { tone: 'ok', label: 'Exact' },
};

/** Cash shifts of the shop's stores, newest first: a drawer that came out short or over stands out. */
export function ShiftsView() {
  const { me, can } = useSession();
  const format = useShopFormat();
  const table = useDataTableQuery({ pageSize: 50 });
  const { filters, cursor, limit } = table.query;
  const allowed = can('shifts:read');
  const directory = useStoreDirectory();
  const [opened, setOpened] = useState<Shift>();
  const [editingRules, setEditingRules] = useState(false);

  const page = useApiQuery(
    shiftKeys.list(table.query),
    (http, signal) =>
      http.GET('/api/v1/shifts', {
        params: {
          query: {
            storeId: filters['storeId'] || undefined,
            registerId: filters['registerId'] || undefined,
            status: (filters['status'] || undefined) as 'open' | 'closed' | undefined,
            cursor,
            limit,
          },
        },
        signal,
      }),
    { keepPrevious: true, enabled: allowed },
  );

  const columns = useMemo<DataTableColumn<Shift>[]>(
    () => [
      { id: 'z', header: 'Z no.', cell: (shift) => (shift.zNumber === null ? <span className={styles.muted}>—</span> : `Z ${shift.zNumber}`), hideable: false },
      { id: 'store', header: 'Store', cell: (shift) => directory.data?.storeName(shift.storeId) ?? '…' },
      { id: 'register', header: 'Register', cell: (shift) => directory.data?.registerName(shift.registerId) ?? '…' },
      { id: 'opened', header: 'Opened', cell: (shift) => format.dateTime(shift.openedAt) },
      { id: 'closed', header: 'Closed', cell: (shift) => (shift.closedAt ? format.dateTime(shift.closedAt) : <Badge tone="info">Open</Badge>) },
      { id: 'float', header: 'Float', cell: (shift) => format.money(shift.openingFloatMinor), align: 'end' },
      { id: 'expected', header: 'Expected', cell: (shift) => (shift.expectedCashMinor === null ? '—' : format.money(shift.expectedCashMinor)), align: 'end' },
      { id: 'counted', header: 'Counted', cell: (shift) => (shift.countedCashMinor === null ? '—' : format.money(shift.countedCashMinor)), align: 'end' },
      {
        id: 'overShort',
        header: 'Over/short',
        align: 'end',
        cell: (shift) => {
          const outcome = drawerOutcome(shift);
          if (outcome === null || shift.overShortMinor === null) return <span className={styles.muted}>—</span>;
          return (
            <span className={styles.outcome} data-outcome={outcome}>
              <span className={outcome === 'exact' ? undefined : styles.discrepancy}>{format.money(shift.overShortMinor)}</span>
              <Badge tone={OUTCOME[outcome].tone}>{OUTCOME[outcome].label}</Badge>
            </span>
          );
        },
      },
    ],
    [format, directory.data],
  );

  if (!allowed) {
    return (
      <>
        <PageHeader title="Cash shifts" back={{ href: '/sales', label: 'Sales' }} />
        <ProblemState kind="forbidden" subject="Cash shifts" />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Cash shifts"
        back={{ href: '/sales', label: 'Sales' }}
        description="Each register's shifts, newest first: float, expected and counted cash, and whether the drawer came out short or over."
        actions={can('tenant:manage') && <Button onClick={() => setEditingRules(true)}>Cash rules</Button>}
      />
      <DataTable<Shift>
        label="Cash shifts"
        columns={columns}
        rowId={(shift) => shift.id}
        rowLabel={(shift) =>
          shift.zNumber === null ? `Open shift of ${directory.data?.registerName(shift.registerId) ?? 'a register'}` : `Z-report ${shift.zNumber}`
        }
        state={table}
        {...tablePageOf(page)}
        onOpen={setOpened}
        preferencesKey={me ? `shifts:${me.user.id}` : undefined}
        empty={{ title: 'No shifts yet', description: 'Shifts opened at the tills appear here.' }}
        filters={
          <>
            <StoreRegisterFilter table={table} directory={directory.data} />
            <Select
              label="Status"
              hideLabel
              placeholder="Open and closed"
              options={STATUS_OPTIONS}
              value={table.filterValues['status'] ?? ''}
              onChange={(event) => table.setFilter('status', event.target.value)}
            />
          </>
        }
      />
      {opened && <ShiftReportDialog shift={opened} onClose={() => setOpened(undefined)} />}
      {editingRules && <ShiftSettingsDialog onClose={() => setEditingRules(false)} />}
    </>
  );
}

/** The shift's report as the till prints it: the Z-report of a closed shift, the X-report so far of an open one. */
function ShiftReportDialog({ shift, onClose }: { shift: Shift; onClose(): void }) {
  const report = useApiQuery(shiftKeys.report(shift.id), (http, signal) =>
    http.GET('/api/v1/shifts/{id}/report', { params: { path: { id: shift.id }, query: { format: 'text' } }, parseAs: 'text', signal }),
  );
  const title = shift.zNumber === null ? 'X-report' : `Z-report ${shift.zNumber}`;
  return (
    <Dialog open onOpenChange={(next) => !next && onClose()} title={title} className={styles.dialog}>
      {report.data ? (
        <pre className={styles.report} aria-label={title} tabIndex={0}>
          {String(report.data)}
        </pre>
      ) : (
        <p role={report.isError ? 'alert' : 'status'}>{report.isError ? 'The report could not be loaded.' : 'Loading the report…'}</p>
      )}
    </Dialog>
  );
}
