'use client';
import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useSession } from '@kassa/web/auth';
import {
  changeDirection,
  Chart,
  Explanation,
  Figures,
  forecastColumns,
  forecastRows,
  forecastSpec,
  percentChange,
  TeachingEmptyState,
  useAnomalies,
  useForecast,
  useSummary,
  useTopProducts,
  useTrend,
  type PeriodFigures,
} from '@kassa/web/analytics';
import { callApi, queryKeys, useApiAccess, type ApiError } from '@kassa/web/data-access';
import { IntentLink, ProblemState, Skeleton, useShopFormat, VisuallyHidden } from '@kassa/web/ui';
import { analysisLink, daysBefore, type DashboardScope } from './dashboard-scope';
import styles from './views.module.css';

interface CardProps {
  scope: DashboardScope;
  className?: string;
}

function Card({
  title,
  link,
  className,
  children,
  actions,
}: {
  title: string;
  link: { href: string; label: string };
  className?: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const id = useId();
  return (
    <section className={`${styles.card} ${className ?? ''}`} aria-labelledby={id}>
      <header className={styles.cardHeader}>
        <h2 id={id}>{title}</h2>
        <IntentLink href={link.href} className={styles.cardLink}>
          {link.label} <span aria-hidden="true">→</span>
        </IntentLink>
      </header>
      {children}
      {actions && <div className={styles.cardActions}>{actions}</div>}
    </section>
  );
}

/** ▲ +12.3% / ▼ −4.0%: the arrow repeats the sign, the colour repeats the arrow. */
function Change({ percent }: { percent: number | null }) {
  const format = useShopFormat();
  const direction = changeDirection(percent);
  if (percent === null || direction === 'none') return <span className={styles.change}>no comparison</span>;
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '▬';
  const text = `${percent > 0 ? '+' : ''}${format.number(percent, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
  return (
    <span className={styles.change} data-direction={direction}>
      <span aria-hidden="true">{arrow}</span> <VisuallyHidden>{direction === 'flat' ? 'unchanged, ' : `${direction} `}</VisuallyHidden>
      {text}
    </span>
  );
}

interface TodayFigure {
  id: string;
  label: string;
  now: number | null;
  before: number | null;
  percent: number | null;
  money: boolean;
}

function todayFigures(
  today: PeriodFigures,
  weekBefore: PeriodFigures,
  change: { revenuePercent: number | null; transactionsPercent: number | null; averageBasketPercent: number | null },
): TodayFigure[] {
  return [
    { id: 'revenue', label: 'Revenue', now: today.revenueMinor, before: weekBefore.revenueMinor, percent: change.revenuePercent, money: true },
    { id: 'transactions', label: 'Sales', now: today.transactions, before: weekBefore.transactions, percent: change.transactionsPercent, money: false },
    {
      id: 'basket',
      label: 'Average basket',
      now: today.averageBasketMinor,
      before: weekBefore.averageBasketMinor,
      percent: change.averageBasketPercent,
      money: true,
    },
    {
      id: 'margin',
      label: 'Margin',
      now: today.marginMinor,
      before: weekBefore.marginMinor,
      percent: percentChange(today.marginMinor, weekBefore.marginMinor),
      money: true,
    },
  ];
}

/** Today so far against the same weekday a week ago: revenue, sales, average basket and margin, each with its change. */
export function TodayCard({ scope, className }: CardProps) {
  const format = useShopFormat();
  const summary = useSummary({ from: scope.today, to: scope.today, storeId: scope.storeId });
  // In the words of the rest of the screen (and of the API's sentences), whatever the shop's locale.
  const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${scope.today}T00:00:00Z`));
  const write = (figure: TodayFigure, value: number | null) => (value === null ? '—' : figure.money ? format.money(value) : format.number(value));
  return (
    <Card
      title="Today so far"
      className={className}
      link={{ href: analysisLink('trend', scope, { from: daysBefore(scope, 27), to: scope.today }), label: 'Trend' }}
    >
      <Figures
        query={summary}
        headingLevel={3}
        isEmpty={(data) => data.lastDay.transactions === 0 && data.sameWeekdayLastWeek.transactions === 0}
        teaching={{
          title: `No sales today or last ${weekday} yet`,
          description: `This card puts today’s revenue, sales, average basket and margin beside last ${weekday}’s, with the change in %.`,
        }}
      >
        {(data) => (
          <dl className={styles.figures}>
            {todayFigures(data.lastDay, data.sameWeekdayLastWeek, data.vsSameWeekdayLastWeek).map((figure) => (
              <div key={figure.id} className={styles.figure} data-testid={`today-${figure.id}`}>
                <dt>{figure.label}</dt>
                <dd>
                  <span className={styles.value}>{write(figure, figure.now)}</span>
                  <Change percent={figure.percent} />
                  <span className={styles.muted}>
                    {write(figure, figure.before)} last {weekday}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Figures>
    </Card>
  );
}

/** The last 8 weeks of revenue day by day, leading into the 14-day forecast and its range. */
export function RevenueCard({ scope, className }: CardProps) {
  const format = useShopFormat();
  const yesterday = daysBefore(scope, 1);
  const weeks = { from: daysBefore(scope, 55), storeId: scope.storeId };
  const trend = useTrend({ ...weeks, to: scope.today }, 'revenue');
  const forecast = useForecast({ ...weeks, to: yesterday }, 'revenue', 14);
  const money = (minor: number) => format.money(Math.round(minor));
  return (
    <Card
      title="Revenue: 8 weeks and the next 14 days"
      className={className}
      link={{ href: analysisLink('forecast', scope, { ...weeks, to: yesterday }), label: 'Forecast' }}
    >
      <Figures
        query={trend}
        headingLevel={3}
        isEmpty={(data) => data.series.every((point) => point.value === 0)}
        teaching={{
          title: 'Revenue will show here',
          description: 'Once the shop sells: the last 8 weeks day by day, and a forecast of the next 14 days with the range to expect.',
        }}
      >
        {(history) => (
          <>
            {forecast.data && <Explanation text={forecast.data.explanation} />}
            {forecast.isError && <ProblemState kind={forecast.error.kind} subject="The forecast" headingLevel={3} onRetry={() => void forecast.refetch()} />}
            <Chart
              spec={
                forecast.data
                  ? forecastSpec(history, forecast.data, 'Revenue per day over the last 8 weeks, with the forecast of the next 14 days and its range', money)
                  : undefined
              }
              table={{
                caption: 'Revenue per day, actual and forecast',
                columns: forecastColumns(format.day, money),
                rows: forecast.data ? forecastRows(history, forecast.data) : [],
                rowKey: (row) => row.date,
              }}
            />
          </>
        )}
      </Figures>
    </Card>
  );
}

/** The week's best sellers by revenue. */
export function TopProductsCard({ scope, className }: CardProps) {
  const format = useShopFormat();
  const week = { from: daysBefore(scope, 6), to: scope.today, storeId: scope.storeId };
  const top = useTopProducts(week, 'revenue', 5);
  return (
    <Card title="Top products this week" className={className} link={{ href: analysisLink('top-products', scope, week), label: 'Top products' }}>
      <Figures
        query={top}
        headingLevel={3}
        isEmpty={(data) => data.products.length === 0}
        teaching={{
          title: 'No sales this week yet',
          description: 'The five products that brought in most over the last 7 days show here, with their share of revenue.',
        }}
      >
        {(data) => (
          <ol className={styles.ranking}>
            {data.products.map((product) => (
              <li key={product.productId}>
                <span className={styles.name}>{product.name}</span>
                <span className={styles.amount}>{format.money(product.revenueMinor)}</span>
                <span className={styles.muted}>{product.share === null ? '' : `${format.number(product.share * 100, { maximumFractionDigits: 0 })}%`}</span>
              </li>
            ))}
          </ol>
        )}
      </Figures>
    </Card>
  );
}

interface LowStockItem {
  storeId: string;
  productId: string;
  name: string | undefined;
  onHand: number;
  reorderPoint: number | null;
}

/** Up to five levels at or below their reorder point, named. */
function useLowStock(storeId: string | undefined, enabled: boolean) {
  const access = useApiAccess();
  return useQuery<{ items: LowStockItem[]; more: boolean }, ApiError>({
    queryKey: queryKeys.list('stock', { lowOnly: true, storeId, limit: 5, named: true }),
    enabled,
    queryFn: async ({ signal }) => {
      const levels = await callApi(
        access,
        (http) => http.GET('/api/v1/inventory/levels', { params: { query: { lowOnly: true, storeId, limit: 5 } }, signal }),
        signal,
      );
      const ids = [...new Set(levels.items.map((level) => level.productId))];
      const names = new Map(
        await Promise.all(
          ids.map(async (id) => {
            const product = await callApi(access, (http) => http.GET('/api/v1/products/{id}', { params: { path: { id } }, signal }), signal).catch(
              () => undefined,
            );
            return [id, product?.name] as const;
          }),
        ),
      );
      return { items: levels.items.map((level) => ({ ...level, name: names.get(level.productId) })), more: levels.nextCursor !== null };
    },
  });
}

/** What is running out, with the way to order more when purchasing is open to the person. */
export function LowStockCard({ scope, className, canOrder }: CardProps & { canOrder: boolean }) {
  const { me, can } = useSession();
  const allowed = can('inventory:read');
  const low = useLowStock(scope.storeId, allowed);
  const storeName = (id: string) => me?.stores.find((store) => store.id === id)?.name;
  return (
    <Card
      title="Low stock"
      className={className}
      link={{ href: analysisLink('velocity', scope, {}), label: 'Stock cover' }}
      actions={
        canOrder && low.data && low.data.items.length > 0 ? (
          <IntentLink href="/purchasing/reorder" className={styles.primaryLink}>
            Create purchase order
          </IntentLink>
        ) : undefined
      }
    >
      {!allowed ? (
        <p className={styles.muted}>Stock levels are not part of your role.</p>
      ) : low.isPending ? (
        <Skeleton lines={3} label="Loading stock levels" />
      ) : low.isError ? (
        <ProblemState kind={low.error.kind} subject="Stock levels" headingLevel={3} onRetry={() => void low.refetch()} />
      ) : low.data.items.length === 0 ? (
        <TeachingEmptyState
          headingLevel={3}
          title="Nothing is running low"
          description="Products whose stock falls to their reorder point show here, with a shortcut to a purchase order."
        />
      ) : (
        <ul className={styles.ranking} aria-label="Products at or below their reorder point">
          {low.data.items.map((item) => (
            <li key={`${item.storeId}/${item.productId}`}>
              <span className={styles.name}>
                {item.name ?? 'A product'}
                {!scope.storeId && <span className={styles.muted}> · {storeName(item.storeId)}</span>}
              </span>
              <span className={styles.amount} data-tone={item.onHand <= 0 ? 'out' : 'low'}>
                {item.onHand} left
              </span>
              <span className={styles.muted}>reorder at {item.reorderPoint ?? '—'}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The last 30 days’ unusual days, in the API's words (found against the 90 days up to yesterday: today is not over). */
export function AnomaliesCard({ scope, className }: CardProps) {
  const period = { from: daysBefore(scope, 90), to: daysBefore(scope, 1), storeId: scope.storeId };
  const anomalies = useAnomalies(period, 'revenue');
  const since = daysBefore(scope, 30);
  return (
    <Card title="Anything unusual" className={className} link={{ href: analysisLink('anomalies', scope, period), label: 'Anomalies' }}>
      <Figures
        query={anomalies}
        headingLevel={3}
        isEmpty={(data) => data.anomalies.every((anomaly) => anomaly.date < since)}
        teaching={{
          title: 'Nothing unusual in the last 30 days',
          description: 'A day whose revenue stands out from the usual for its weekday shows here, said in words.',
        }}
      >
        {(data) => (
          <ul className={styles.sentences} data-testid="anomaly-sentences">
            {data.anomalies
              .filter((anomaly) => anomaly.date >= since)
              .sort((a, b) => b.date.localeCompare(a.date))
              .slice(0, 4)
              .map((anomaly) => (
                <li key={anomaly.date} data-direction={anomaly.direction}>
                  <span aria-hidden="true" className={styles.marker}>
                    {anomaly.direction === 'above' ? '▲' : '▼'}
                  </span>{' '}
                  {anomaly.explanation}
                </li>
              ))}
          </ul>
        )}
      </Figures>
    </Card>
  );
}

const PLACEHOLDER_CARDS = [
  { title: 'Today so far', className: styles.today, lines: 4 },
  { title: 'Revenue: 8 weeks and the next 14 days', className: styles.revenue, lines: 6 },
  { title: 'Top products this week', className: styles.top, lines: 4 },
  { title: 'Low stock', className: styles.stock, lines: 4 },
  { title: 'Anything unusual', className: styles.anomalies, lines: 4 },
];

/** The board's cards with their titles, while the person's permissions or the cards' first answers are on their way. */
export function BoardPlaceholder({ liveFeed }: { liveFeed: boolean }) {
  const [today, ...rest] = PLACEHOLDER_CARDS;
  const card = ({ title, className, lines }: (typeof PLACEHOLDER_CARDS)[number]) => (
    <div key={title} className={`${styles.card} ${className}`}>
      <div className={styles.cardHeader}>
        <span className={styles.cardTitle}>{title}</span>
      </div>
      <Skeleton lines={lines} />
    </div>
  );
  return (
    <div role="status" data-testid="dashboard-placeholder">
      <VisuallyHidden>Loading the dashboard…</VisuallyHidden>
      <div className={styles.board} data-live-feed={liveFeed ? 'shown' : 'none'} aria-hidden="true">
        {card(today)}
        {liveFeed && card({ title: 'Live sales', className: styles.liveFeed, lines: 4 })}
        {rest.map(card)}
      </div>
    </div>
  );
}
