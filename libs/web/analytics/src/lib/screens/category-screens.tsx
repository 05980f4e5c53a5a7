'use client';
import { FigureTable, useShopFormat, type FigureTableColumn } from '@kassa/web/ui';
import type { AnalyticsFilters } from '../analytics-filters';
import {
  useBaskets,
  useCustomers,
  useSeasonality,
  useTopProducts,
  useVelocity,
  type Baskets,
  type Customers,
  type Metric,
  type SeasonalPattern,
  type TopProducts,
  type Velocity,
} from '../analytics-requests';
import { Explanation, Figures, METRIC_LABELS, metricFormat } from '../analysis-parts';
import { Chart } from '../chart/chart';
import type { ChartSpec } from '../chart/chart-spec';
import styles from '../analytics.module.css';

const NO_SALES_TEACHING = (what: string) => ({ title: 'No sales in these days yet', description: `Once the shop sells, this shows ${what}.` });

type Slot = SeasonalPattern['indexes'][number];

function patternSpec(title: string, pattern: SeasonalPattern, label: (slot: Slot['slot']) => string, write: (value: number) => string): ChartSpec {
  return {
    label: `${title}: how far each is above or below an average`,
    x: { kind: 'category', labels: pattern.indexes.map((slot) => label(slot.slot)) },
    series: [{ label: 'Above or below an average', values: pattern.indexes.map((slot) => slot.index), tone: 1, style: 'bars' }],
    formatValue: write,
  };
}

const hourLabel = (slot: Slot['slot']) => `${String(slot).padStart(2, '0')}:00`;
const hourTick = (slot: Slot['slot']) => String(slot).padStart(2, '0');
const shortName = (slot: Slot['slot']) => String(slot).slice(0, 3);

export function SeasonalityScreen({ filters, metric }: { filters: AnalyticsFilters; metric: Metric }) {
  const seasonality = useSeasonality(filters, metric);
  const format = useShopFormat();
  const write = metricFormat(metric, format);
  const patterns = [
    { id: 'weekday', title: 'By weekday', pick: (data: { dayOfWeek: SeasonalPattern }) => data.dayOfWeek, label: shortName, header: 'Weekday' },
    { id: 'hour', title: 'By hour of the day', pick: (data: { hourOfDay: SeasonalPattern }) => data.hourOfDay, label: hourTick, header: 'Hour' },
    {
      id: 'month',
      title: 'By month (up to three years)',
      pick: (data: { monthOfYear: SeasonalPattern }) => data.monthOfYear,
      label: shortName,
      header: 'Month',
    },
  ] as const;
  return (
    <Figures
      query={seasonality}
      isEmpty={(data) => data.dayOfWeek.indexes.every((slot) => slot.index === 0)}
      teaching={NO_SALES_TEACHING('the busy and quiet weekdays, hours and months')}
    >
      {(data) => (
        <>
          <Explanation text={data.explanation} />
          <div className={styles.twoColumns}>
            {patterns.map((pattern) => {
              const figures = pattern.pick(data);
              const columns: FigureTableColumn<Slot>[] = [
                { id: 'slot', header: pattern.header, cell: (slot) => (pattern.id === 'hour' ? hourLabel(slot.slot) : String(slot.slot)) },
                { id: 'index', header: `${METRIC_LABELS[metric]} against an average`, cell: (slot) => write(slot.index), align: 'end' },
              ];
              return (
                <section key={pattern.id} className={styles.panel} aria-labelledby={`season-${pattern.id}`}>
                  <h2 id={`season-${pattern.id}`}>{pattern.title}</h2>
                  {figures.explanation !== data.explanation && <p className={styles.muted}>{figures.explanation}</p>}
                  <Chart
                    spec={patternSpec(pattern.title, figures, pattern.label, write)}
                    height={220}
                    table={{
                      caption: `${METRIC_LABELS[metric]} ${pattern.title.toLowerCase()}`,
                      columns,
                      rows: figures.indexes,
                      rowKey: (slot) => String(slot.slot),
                    }}
                  />
                </section>
              );
            })}
          </div>
        </>
      )}
    </Figures>
  );
}

const truncate = (text: string, length = 16) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export function TopProductsScreen({ filters, by }: { filters: AnalyticsFilters; by: TopProducts['by'] & ('revenue' | 'quantity' | 'margin') }) {
  const top = useTopProducts(filters, by);
  const format = useShopFormat();
  const value = (product: TopProducts['products'][number]) =>
    by === 'quantity' ? product.quantity : by === 'margin' ? (product.marginMinor ?? 0) : product.revenueMinor;
  const write = by === 'quantity' ? (units: number) => format.number(units) : (minor: number) => format.money(Math.round(minor));
  const columns: FigureTableColumn<TopProducts['products'][number]>[] = [
    { id: 'name', header: 'Product', cell: (product) => product.name },
    { id: 'revenue', header: 'Revenue', cell: (product) => format.money(product.revenueMinor), align: 'end' },
    { id: 'quantity', header: 'Units', cell: (product) => format.number(product.quantity), align: 'end' },
    { id: 'margin', header: 'Margin', cell: (product) => (product.marginMinor === null ? '—' : format.money(product.marginMinor)), align: 'end' },
    {
      id: 'marginRate',
      header: 'Margin %',
      cell: (product) =>
        product.marginMinor === null || product.revenueMinor === 0
          ? '—'
          : `${format.number((product.marginMinor / product.revenueMinor) * 100, { maximumFractionDigits: 1 })}%`,
      align: 'end',
    },
    {
      id: 'share',
      header: 'Share',
      cell: (product) => (product.share === null ? '—' : `${format.number(product.share * 100, { maximumFractionDigits: 1 })}%`),
      align: 'end',
    },
  ];
  return (
    <Figures query={top} isEmpty={(data) => data.products.length === 0} teaching={NO_SALES_TEACHING('the products that sell most, with their margin')}>
      {(data) => (
        <section className={styles.panel} aria-labelledby="top-heading">
          <h2 id="top-heading">Top products by {by}</h2>
          <Explanation text={data.explanation} />
          <Chart
            spec={{
              label: `The ${Math.min(10, data.products.length)} top products by ${by}`,
              x: { kind: 'category', labels: data.products.slice(0, 10).map((product) => truncate(product.name)) },
              series: [
                {
                  label: by === 'quantity' ? 'Units' : by === 'margin' ? 'Margin' : 'Revenue',
                  values: data.products.slice(0, 10).map(value),
                  tone: 1,
                  style: 'bars',
                },
              ],
              formatValue: write,
            }}
            table={{ caption: `Top products by ${by}`, columns, rows: data.products, rowKey: (product) => product.productId }}
          />
        </section>
      )}
    </Figures>
  );
}

export function BasketsScreen({ filters }: { filters: AnalyticsFilters }) {
  const baskets = useBaskets(filters);
  const format = useShopFormat();
  const percent = (share: number) => `${format.number(share * 100, { maximumFractionDigits: 1 })}%`;
  const columns: FigureTableColumn<Baskets['pairs'][number]>[] = [
    { id: 'pair', header: 'Bought together', cell: (pair) => `${pair.productAName} + ${pair.productBName}` },
    { id: 'count', header: 'Baskets', cell: (pair) => format.number(pair.count), align: 'end' },
    { id: 'support', header: 'Support', cell: (pair) => percent(pair.support), align: 'end' },
    { id: 'confidence', header: 'A → B', cell: (pair) => percent(pair.confidenceAToB), align: 'end' },
    { id: 'confidenceBack', header: 'B → A', cell: (pair) => percent(pair.confidenceBToA), align: 'end' },
    { id: 'lift', header: 'Lift', cell: (pair) => `${format.number(pair.lift, { maximumFractionDigits: 2 })}×`, align: 'end' },
  ];
  return (
    <Figures
      query={baskets}
      isEmpty={(data) => data.pairs.length === 0}
      teaching={NO_SALES_TEACHING('the products that end up in one basket more often than chance')}
    >
      {(data) => (
        <section className={styles.panel} aria-labelledby="baskets-heading">
          <h2 id="baskets-heading">Bought together, in {format.number(data.baskets)} baskets</h2>
          <Explanation text={data.explanation} />
          <Chart
            spec={{
              label: 'Lift of the strongest pairs: how many times more often they share a basket than chance',
              x: { kind: 'category', labels: data.pairs.slice(0, 10).map((pair) => `${truncate(pair.productAName, 10)} + ${truncate(pair.productBName, 10)}`) },
              series: [{ label: 'Lift', values: data.pairs.slice(0, 10).map((pair) => pair.lift), tone: 1, style: 'bars' }],
              formatValue: (lift) => `${format.number(lift, { maximumFractionDigits: 1 })}×`,
            }}
            table={{ caption: 'Pairs bought together', columns, rows: data.pairs, rowKey: (pair) => `${pair.productA}/${pair.productB}` }}
          />
        </section>
      )}
    </Figures>
  );
}

export function CustomersScreen({ filters }: { filters: AnalyticsFilters }) {
  const customers = useCustomers(filters);
  const format = useShopFormat();
  const money = (minor: number) => format.money(Math.round(minor));
  const valueColumns: FigureTableColumn<Customers['customers'][number]>[] = [
    { id: 'name', header: 'Customer', cell: (customer) => customer.name },
    { id: 'orders', header: 'Orders', cell: (customer) => format.number(customer.orders), align: 'end' },
    { id: 'historic', header: 'Spent so far', cell: (customer) => money(customer.historicMinor), align: 'end' },
    { id: 'average', header: 'Average order', cell: (customer) => money(customer.averageOrderMinor), align: 'end' },
    { id: 'perYear', header: 'Orders a year', cell: (customer) => format.number(customer.ordersPerYear, { maximumFractionDigits: 1 }), align: 'end' },
    { id: 'predicted', header: 'Lifetime value', cell: (customer) => money(customer.predictedMinor), align: 'end' },
  ];
  const cohortColumns: FigureTableColumn<Customers['cohorts'][number]>[] = [
    { id: 'month', header: 'First purchase', cell: (cohort) => cohort.month },
    { id: 'customers', header: 'Customers', cell: (cohort) => format.number(cohort.customers), align: 'end' },
    { id: 'revenue', header: 'Revenue', cell: (cohort) => money(cohort.revenueMinor), align: 'end' },
    { id: 'average', header: 'Spent per customer', cell: (cohort) => money(cohort.averageHistoricMinor), align: 'end' },
    { id: 'repeat', header: 'Came back', cell: (cohort) => `${format.number(cohort.repeatRate * 100, { maximumFractionDigits: 0 })}%`, align: 'end' },
  ];
  return (
    <Figures
      query={customers}
      isEmpty={(data) => data.customers.length === 0}
      teaching={NO_SALES_TEACHING('what a customer is worth and how each month’s newcomers came back — for sales with a customer on them')}
    >
      {(data) => (
        <>
          <Explanation text={data.explanation} />
          <section className={styles.panel} aria-labelledby="cohorts-heading">
            <h2 id="cohorts-heading">Cohorts by first purchase</h2>
            <Chart
              spec={{
                label: 'Spent per customer, by the month of their first purchase',
                x: { kind: 'category', labels: data.cohorts.map((cohort) => cohort.month) },
                series: [{ label: 'Spent per customer', values: data.cohorts.map((cohort) => cohort.averageHistoricMinor), tone: 1, style: 'bars' }],
                formatValue: money,
              }}
              table={{ caption: 'Cohorts by first purchase', columns: cohortColumns, rows: data.cohorts, rowKey: (cohort) => cohort.month }}
            />
          </section>
          <section className={styles.panel} aria-labelledby="clv-heading">
            <h2 id="clv-heading">Most valuable customers (over {data.lifespanYears} years)</h2>
            <FigureTable caption="Customer lifetime value" columns={valueColumns} rows={data.customers} rowKey={(customer) => customer.customerId} />
          </section>
        </>
      )}
    </Figures>
  );
}

export function VelocityScreen({ filters }: { filters: AnalyticsFilters }) {
  const velocity = useVelocity(filters);
  const format = useShopFormat();
  const cover = (days: number | null) => (days === null ? 'Not stocked' : `${format.number(days, { maximumFractionDigits: 1 })} days`);
  const columns: FigureTableColumn<Velocity['products'][number]>[] = [
    { id: 'name', header: 'Product', cell: (product) => product.name },
    { id: 'units', header: 'Units a day', cell: (product) => format.number(product.unitsPerDay, { maximumFractionDigits: 2 }), align: 'end' },
    { id: 'revenue', header: 'Revenue a day', cell: (product) => format.money(Math.round(product.revenuePerDayMinor)), align: 'end' },
    { id: 'onHand', header: 'On hand', cell: (product) => format.number(product.stockOnHand), align: 'end' },
    { id: 'cover', header: 'Days of cover', cell: (product) => cover(product.daysOfCover), align: 'end' },
  ];
  return (
    <Figures
      query={velocity}
      isEmpty={(data) => data.products.length === 0}
      teaching={NO_SALES_TEACHING('how fast each product sells and how long its stock lasts')}
    >
      {(data) => (
        <section className={styles.panel} aria-labelledby="velocity-heading">
          <h2 id="velocity-heading">Fastest sellers over {data.days} days</h2>
          <Explanation text={data.explanation} />
          <Chart
            spec={{
              label: 'Units sold a day by the fastest sellers',
              x: { kind: 'category', labels: data.products.slice(0, 10).map((product) => truncate(product.name)) },
              series: [{ label: 'Units a day', values: data.products.slice(0, 10).map((product) => product.unitsPerDay), tone: 1, style: 'bars' }],
              formatValue: (units) => format.number(units, { maximumFractionDigits: 1 }),
            }}
            table={{ caption: 'Sales velocity and days of cover', columns, rows: data.products, rowKey: (product) => product.productId }}
          />
        </section>
      )}
    </Figures>
  );
}
