import type { SheetColumn, SpreadsheetExport } from '@kassa/api/spreadsheets';
import type { AnalyticsReport } from './dto/analytics-query.dto';
import type {
  AnomaliesDto,
  BasketsDto,
  CustomersDto,
  ForecastDto,
  SeasonalityDto,
  SummaryDto,
  TopProductsDto,
  TrendDto,
  VelocityDto,
} from './dto/analytics.dto';

type Cell = string | number | null;
type Row = Record<string, Cell>;

export interface ReportTable {
  columns: SheetColumn<Row>[];
  rows: Row[];
}

const column = (header: string, type: SheetColumn<Row>['type'] = 'text'): SheetColumn<Row> => ({ header, type, value: (row) => row[header] ?? null });
const round = (value: number | null, digits = 4) => (value === null ? null : Number(value.toFixed(digits)));

/** Each answer as one table: the rows a spreadsheet holds, the explanation left to the API. */
export const REPORT_TABLES: { [Report in AnalyticsReport]: (answer: never) => ReportTable } = {
  summary: (answer: SummaryDto) => ({
    columns: [
      column('period'),
      column('from'),
      column('to'),
      column('revenue', 'money'),
      column('transactions', 'integer'),
      column('averageBasket', 'money'),
      column('margin', 'money'),
      column('unknownCostLines', 'integer'),
      column('quantity', 'integer'),
    ],
    rows: (
      [
        ['current', answer.current],
        ['previous', answer.previous],
        ['lastDay', answer.lastDay],
        ['sameWeekdayLastWeek', answer.sameWeekdayLastWeek],
      ] as const
    ).map(([period, figures]) => ({
      period,
      from: figures.from,
      to: figures.to,
      revenue: figures.revenueMinor,
      transactions: figures.transactions,
      averageBasket: figures.averageBasketMinor,
      margin: figures.marginMinor,
      unknownCostLines: figures.unknownCostLines,
      quantity: figures.quantity,
    })),
  }),
  trend: (answer: TrendDto) => ({
    columns: [column('date'), column(answer.metric, answer.metric === 'revenue' ? 'money' : 'integer')],
    rows: answer.series.map((point) => ({ date: point.date, [answer.metric]: point.value })),
  }),
  forecast: (answer: ForecastDto) => {
    const methods = Object.keys(answer.methods);
    const money = answer.metric === 'revenue' ? 'money' : 'integer';
    return {
      columns: [column('date'), column('best', money), column('low', money), column('high', money), ...methods.map((method) => column(method, money))],
      rows: answer.points.map((point, index) => ({
        date: point.date,
        best: Math.round(point.value),
        low: Math.round(point.low),
        high: Math.round(point.high),
        ...Object.fromEntries(methods.map((method) => [method, Math.round(answer.methods[method][index].value)])),
      })),
    };
  },
  seasonality: (answer: SeasonalityDto) => ({
    columns: [column('pattern'), column('slot'), column('index'), column('strength')],
    rows: (
      [
        ['dayOfWeek', answer.dayOfWeek],
        ['monthOfYear', answer.monthOfYear],
        ['hourOfDay', answer.hourOfDay],
      ] as const
    ).flatMap(([pattern, found]) =>
      found.indexes.map((entry) => ({ pattern, slot: String(entry.slot), index: round(entry.index, 2), strength: round(found.strength) })),
    ),
  }),
  anomalies: (answer: AnomaliesDto) => ({
    columns: [column('date'), column('value'), column('expected'), column('score'), column('direction'), column('explanation')],
    rows: answer.anomalies.map((anomaly) => ({ ...anomaly, expected: round(anomaly.expected, 2), score: round(anomaly.score, 2) })),
  }),
  'top-products': (answer: TopProductsDto) => ({
    columns: [
      column('productId'),
      column('name'),
      column('revenue', 'money'),
      column('quantity', 'integer'),
      column('margin', 'money'),
      column('unknownCostLines', 'integer'),
      column('share'),
    ],
    rows: answer.products.map((product) => ({
      productId: product.productId,
      name: product.name,
      revenue: product.revenueMinor,
      quantity: product.quantity,
      margin: product.marginMinor,
      unknownCostLines: product.unknownCostLines,
      share: round(product.share),
    })),
  }),
  baskets: (answer: BasketsDto) => ({
    columns: ['productAName', 'productBName', 'count', 'support', 'confidenceAToB', 'confidenceBToA', 'lift'].map((name) =>
      column(name, name === 'count' ? 'integer' : 'text'),
    ),
    rows: answer.pairs.map((pair) => ({
      productAName: pair.productAName,
      productBName: pair.productBName,
      count: pair.count,
      support: round(pair.support),
      confidenceAToB: round(pair.confidenceAToB),
      confidenceBToA: round(pair.confidenceBToA),
      lift: round(pair.lift),
    })),
  }),
  customers: (answer: CustomersDto) => ({
    columns: [
      column('customerId'),
      column('name'),
      column('orders', 'integer'),
      column('firstPurchase'),
      column('lastPurchase'),
      column('historic', 'money'),
      column('averageOrder', 'money'),
      column('ordersPerYear'),
      column('predicted', 'money'),
    ],
    rows: answer.customers.map((customer) => ({
      customerId: customer.customerId,
      name: customer.name,
      orders: customer.orders,
      firstPurchase: customer.firstPurchase,
      lastPurchase: customer.lastPurchase,
      historic: customer.historicMinor,
      averageOrder: Math.round(customer.averageOrderMinor),
      ordersPerYear: round(customer.ordersPerYear, 2),
      predicted: Math.round(customer.predictedMinor),
    })),
  }),
  velocity: (answer: VelocityDto) => ({
    columns: [
      column('productId'),
      column('name'),
      column('unitsPerDay'),
      column('revenuePerDay', 'money'),
      column('stockOnHand', 'integer'),
      column('daysOfCover'),
    ],
    rows: answer.products.map((product) => ({
      productId: product.productId,
      name: product.name,
      unitsPerDay: round(product.unitsPerDay, 3),
      revenuePerDay: Math.round(product.revenuePerDayMinor),
      stockOnHand: product.stockOnHand,
      daysOfCover: round(product.daysOfCover, 1),
    })),
  }),
};

/** One report's answer as a CSV or xlsx download, named after the report and its period. */
export function reportExport(
  report: AnalyticsReport,
  answer: { from: string; to: string; currency: string; timeZone: string },
  format: 'csv' | 'xlsx',
  bom: boolean,
  written: (rows: number) => Promise<void>,
): SpreadsheetExport<Row> {
  const table = (REPORT_TABLES[report] as (answer: unknown) => ReportTable)(answer);
  return {
    filename: `analytics-${report}-${answer.from}-${answer.to}`,
    format,
    bom,
    csvHeader: table.columns.map((entry) => entry.header),
    sheet: { name: report, columns: table.columns, currency: answer.currency, timeZone: answer.timeZone },
    pages: async function* () {
      if (table.rows.length > 0) yield table.rows;
    },
    written,
  };
}
