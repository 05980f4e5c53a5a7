'use client';
import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import type { Schemas } from '@kassa/api-client';
import { useSession } from '@kassa/web/auth';
import { queryKeys, useApiMutation, useApiQuery } from '@kassa/web/data-access';
import {
  Badge,
  Button,
  DataTable,
  PageHeader,
  ProblemState,
  Select,
  Skeleton,
  useDataTableQuery,
  useShopFormat,
  useShopLocale,
  type DataTableColumn,
} from '@kassa/web/ui';
import type { TrafficPlotProps } from './traffic-chart';
import styles from './monitoring.module.css';

type Summary = Schemas['MonitoringSummaryDto'];
type RouteTraffic = Schemas['RouteTrafficDto'];
type ErrorGroup = Schemas['ErrorGroupDto'];
type WebVitalPage = Schemas['WebVitalPageDto'];

const CHART_HEIGHT = 220;
// uPlot and its styles load with the first chart, on this page only.
const TrafficPlot = dynamic(() => import('./traffic-chart'), { ssr: false, loading: () => <Skeleton height={CHART_HEIGHT} label="Loading the chart" /> });

/** The plot's box keeps its height while uPlot loads, and the legend is drawn at once: nothing below them moves. */
function TrafficChart(props: Omit<TrafficPlotProps, 'height'>) {
  return (
    <figure className={styles.chart}>
      <div style={{ height: CHART_HEIGHT }}>
        <TrafficPlot {...props} height={CHART_HEIGHT} />
      </div>
      <figcaption className={styles.legend}>
        {props.series.map((line) => (
          <span key={line.label} className={styles.legendItem}>
            <span className={styles.swatch} style={{ background: `var(${line.colorToken})` }} aria-hidden="true" />
            {line.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

const RANGES = [
  { value: '3600', label: 'Last hour' },
  { value: '86400', label: 'Last 24 hours' },
  { value: '604800', label: 'Last 7 days' },
];

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)} %`);
const milliseconds = (value: number | null) => (value === null ? '–' : `${Math.round(value)} ms`);
const age = (seconds: number) =>
  seconds < 60 ? `${Math.round(seconds)} s` : seconds < 3600 ? `${Math.floor(seconds / 60)} min` : `${Math.floor(seconds / 3600)} h`;
const errorKeys = { all: queryKeys.entity('error-group'), list: (params: object) => queryKeys.list('error-group', params) };

function Totals({ summary }: { summary: Summary }) {
  const { total, events } = summary;
  const figures = [
    { label: 'Requests', value: total.requests.toLocaleString() },
    { label: 'Error rate', value: percent(total.errors, total.requests) },
    { label: 'p95 latency', value: milliseconds(total.p95Ms) },
    { label: 'Cache hit rate', value: percent(total.cacheHits, total.cacheHits + total.cacheMisses) },
    // Now, not over the range: the shop's events still on their way to webhooks, the tills and the reports.
    { label: 'Events queued', value: events.waiting.toLocaleString() },
    { label: 'Relay lag', value: events.waiting === 0 ? '–' : age(events.oldestSeconds) },
  ];
  return (
    <dl className={styles.totals}>
      {figures.map((figure) => (
        <div key={figure.label} className={styles.total}>
          <dt>{figure.label}</dt>
          <dd>{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Charts({ summary, rangeLabel }: { summary: Summary; rangeLabel: string }) {
  const { timeZone } = useShopLocale();
  const { times, span, latency, errors } = useMemo(() => {
    const points = summary.series;
    return {
      span: [Date.parse(summary.from) / 1000, Date.parse(summary.to) / 1000] as [number, number],
      times: points.map((point) => Date.parse(point.at) / 1000),
      latency: [
        { label: 'p50', colorToken: '--color-ok', values: points.map((point) => point.p50Ms) },
        { label: 'p95', colorToken: '--color-accent', values: points.map((point) => point.p95Ms) },
        { label: 'p99', colorToken: '--color-warn', values: points.map((point) => point.p99Ms), dash: [6, 4] },
      ],
      errors: [
        {
          label: 'Error rate',
          colorToken: '--color-error',
          values: points.map((point) => (point.requests === 0 ? null : (point.errors / point.requests) * 100)),
        },
        {
          label: 'Cache hit rate',
          colorToken: '--color-ok',
          values: points.map((point) => (point.cacheHits + point.cacheMisses === 0 ? null : (point.cacheHits / (point.cacheHits + point.cacheMisses)) * 100)),
        },
      ],
    };
  }, [summary]);
  if (times.length === 0) return <p className={styles.muted}>No requests in this range yet.</p>;
  return (
    <div className={styles.charts}>
      <section aria-labelledby="latency-title" className={styles.card}>
        <h2 id="latency-title">Latency</h2>
        <TrafficChart
          label={`Latency p50, p95 and p99 in milliseconds, ${rangeLabel.toLowerCase()}`}
          times={times}
          span={span}
          timeZone={timeZone}
          series={latency}
          unit="ms"
        />
      </section>
      <section aria-labelledby="rates-title" className={styles.card}>
        <h2 id="rates-title">Errors and cache</h2>
        <TrafficChart
          label={`Error rate and cache hit rate in percent, ${rangeLabel.toLowerCase()}`}
          times={times}
          span={span}
          timeZone={timeZone}
          series={errors}
          unit="%"
        />
      </section>
    </div>
  );
}

const ROUTE_COLUMNS: DataTableColumn<RouteTraffic>[] = [
  { id: 'route', header: 'Route', cell: (route) => <code>{route.route}</code>, hideable: false },
  { id: 'requests', header: 'Requests', cell: (route) => route.requests.toLocaleString(), align: 'end' },
  { id: 'p50', header: 'p50', cell: (route) => milliseconds(route.p50Ms), align: 'end' },
  { id: 'p95', header: 'p95', cell: (route) => milliseconds(route.p95Ms), align: 'end' },
  { id: 'p99', header: 'p99', cell: (route) => milliseconds(route.p99Ms), align: 'end' },
  { id: 'errors', header: 'Errors', cell: (route) => route.errors.toLocaleString(), align: 'end' },
];

function SlowestRoutes({ summary }: { summary: Summary }) {
  const table = useDataTableQuery({ pageSize: 100 });
  return (
    <DataTable
      label="Slowest routes"
      columns={ROUTE_COLUMNS}
      rowId={(route) => route.route}
      rowLabel={(route) => route.route}
      state={table}
      page={{ items: summary.routes, nextCursor: null }}
      loading={false}
    />
  );
}

const RATINGS = {
  good: { label: 'Good', tone: 'ok' },
  'needs-improvement': { label: 'Needs improvement', tone: 'warn' },
  poor: { label: 'Poor', tone: 'error' },
} as const;

const VITAL_COLUMNS: DataTableColumn<WebVitalPage>[] = [
  { id: 'page', header: 'Page', cell: (vital) => <code>{vital.page}</code>, hideable: false },
  { id: 'metric', header: 'Metric', cell: (vital) => vital.metric },
  { id: 'source', header: 'Source', cell: (vital) => <Badge tone="neutral">{vital.source}</Badge> },
  { id: 'p75', header: 'p75', cell: (vital) => (vital.metric === 'CLS' ? vital.p75.toFixed(3) : milliseconds(vital.p75)), align: 'end' },
  { id: 'rating', header: 'Rating', cell: (vital) => <Badge tone={RATINGS[vital.rating].tone}>{RATINGS[vital.rating].label}</Badge> },
  { id: 'samples', header: 'Samples', cell: (vital) => vital.samples.toLocaleString(), align: 'end' },
];

/** What the shop's browsers and tills experienced: each page's Web Vitals at the 75th percentile, rated by web.dev's thresholds. */
function WebVitalsByPage({ summary }: { summary: Summary }) {
  const table = useDataTableQuery({ pageSize: 100 });
  return (
    <DataTable
      label="Web Vitals by page"
      columns={VITAL_COLUMNS}
      rowId={(vital) => `${vital.page}|${vital.metric}|${vital.source}`}
      rowLabel={(vital) => `${vital.metric} on ${vital.page} (${vital.source})`}
      state={table}
      page={{ items: summary.vitals, nextCursor: null }}
      loading={false}
    />
  );
}

function ErrorGroups() {
  const session = useSession();
  const format = useShopFormat();
  const canResolve = session.can('monitoring:manage');
  const table = useDataTableQuery({ pageSize: 25, initialFilters: { status: 'open' } });
  const { cursor, limit, filters } = table.query;
  const status = filters['status'] === 'resolved' ? 'resolved' : filters['status'] === 'open' ? 'open' : undefined;
  const groups = useApiQuery(
    errorKeys.list({ cursor, limit, status }),
    (http, signal) => http.GET('/api/v1/monitoring/errors', { params: { query: { cursor, limit, status } }, signal }),
    { keepPrevious: true },
  );
  const update = useApiMutation(
    (http, change: { id: string; status: 'open' | 'resolved' }) =>
      http.PATCH('/api/v1/monitoring/errors/{id}', { params: { path: { id: change.id } }, body: { status: change.status } }),
    { invalidates: [errorKeys.all] },
  );
  const columns: DataTableColumn<ErrorGroup>[] = [
    {
      id: 'error',
      header: 'Error',
      hideable: false,
      cell: (group) => (
        <span className={styles.errorCell}>
          <strong>{group.type}</strong> <span>{group.message}</span>
        </span>
      ),
    },
    { id: 'source', header: 'Source', cell: (group) => <Badge tone={group.source === 'api' ? 'info' : 'neutral'}>{group.source}</Badge> },
    { id: 'route', header: 'Route or page', cell: (group) => (group.route ? <code>{group.route}</code> : '–') },
    { id: 'count', header: 'Count', cell: (group) => group.count.toLocaleString(), align: 'end' },
    { id: 'lastSeen', header: 'Last seen', cell: (group) => format.dateTime(group.lastSeenAt) },
    {
      id: 'status',
      header: 'Status',
      cell: (group) =>
        canResolve ? (
          <Button
            size="small"
            variant={group.status === 'open' ? 'secondary' : 'ghost'}
            loading={update.isPending && update.variables?.id === group.id}
            onClick={() => update.mutate({ id: group.id, status: group.status === 'open' ? 'resolved' : 'open' })}
          >
            {group.status === 'open' ? 'Resolve' : 'Reopen'}
          </Button>
        ) : (
          <Badge tone={group.status === 'open' ? 'warn' : 'ok'}>{group.status === 'open' ? 'Open' : 'Resolved'}</Badge>
        ),
    },
  ];
  return (
    <DataTable
      label="Error groups"
      columns={columns}
      rowId={(group) => group.id}
      rowLabel={(group) => `${group.type}: ${group.message}`}
      state={table}
      page={groups.data}
      loading={groups.isPending}
      refreshing={groups.isPlaceholderData}
      failure={groups.isError ? { kind: groups.error.kind, retry: () => void groups.refetch() } : undefined}
      filters={
        <Select
          label="Status"
          value={filters['status'] ?? ''}
          onChange={(event) => table.setFilter('status', event.target.value)}
          placeholder="All"
          options={[
            { value: 'open', label: 'Open' },
            { value: 'resolved', label: 'Resolved' },
          ]}
        />
      }
    />
  );
}

/** The shop's own service as Kassa saw it: latency, errors and cache over time, its event backlog, the slowest routes, and error groups. */
export function MonitoringView() {
  const [rangeSeconds, setRangeSeconds] = useState(RANGES[0].value);
  const [until, setUntil] = useState(() => new Date());
  const from = new Date(until.getTime() - Number(rangeSeconds) * 1000).toISOString();
  const to = until.toISOString();
  const rangeLabel = RANGES.find((range) => range.value === rangeSeconds)?.label ?? '';
  const summary = useApiQuery(['monitoring-summary', { from, to }], (http, signal) =>
    http.GET('/api/v1/monitoring/summary', { params: { query: { from, to } }, signal }),
  );

  return (
    <>
      <PageHeader
        title="Monitoring"
        description="How Kassa served this shop: latency, errors and cache, and the errors the API and the browsers ran into."
        actions={
          <div className={styles.range}>
            <Select
              label="Range"
              value={rangeSeconds}
              options={RANGES}
              onChange={(event) => {
                setRangeSeconds(event.target.value);
                setUntil(new Date());
              }}
            />
            <Button variant="secondary" onClick={() => setUntil(new Date())} loading={summary.isFetching}>
              Refresh
            </Button>
          </div>
        }
      />
      {summary.isPending ? (
        // A screen tall: the error groups below start out of sight, so the figures arriving move nothing on screen.
        <div className={styles.summaryPending}>
          <Skeleton lines={4} label="Loading the figures" />
        </div>
      ) : summary.isError ? (
        <ProblemState kind={summary.error.kind} onRetry={() => void summary.refetch()} retrying={summary.isFetching} />
      ) : (
        <>
          <Totals summary={summary.data} />
          <Charts summary={summary.data} rangeLabel={rangeLabel} />
          <h2 className={styles.heading}>Slowest routes</h2>
          <SlowestRoutes summary={summary.data} />
          <h2 className={styles.heading}>Web Vitals by page</h2>
          <WebVitalsByPage summary={summary.data} />
        </>
      )}
      <h2 className={styles.heading}>Error groups</h2>
      <ErrorGroups />
    </>
  );
}
