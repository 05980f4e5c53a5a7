import { finiteOrNull } from '../finite';
import { plainNumber, ValueFormat } from '../wording';

/** One sale to a known customer, its revenue net of refunds (minor units), on its local day. */
export interface CustomerOrder {
  customerId: string;
  saleId: string;
  date: string;
  revenueMinor: number;
  /** How many sales this entry stands for when it sums several (a rollup's customer-day); 1 when absent. */
  orders?: number;
}

export interface CustomerValue {
  customerId: string;
  orders: number;
  firstPurchase: string;
  lastPurchase: string;
  /** Σ net revenue so far. */
  historicMinor: number;
  averageOrderMinor: number;
  ordersPerYear: number;
  /** averageOrder × ordersPerYear × expected lifespan in years. */
  predictedMinor: number;
}

export interface Cohort {
  /** First-purchase month, YYYY-MM. */
  month: string;
  customers: number;
  revenueMinor: number;
  averageHistoricMinor: number;
  /** Share of the cohort that bought again after its first purchase day, 0 … 1. */
  repeatRate: number;
}

export interface LifetimeValue {
  customers: CustomerValue[];
  cohorts: Cohort[];
  lifespanYears: number;
  explanation: string;
}

export interface LifetimeValueOptions {
  /** The day the figures are as of (YYYY-MM-DD); frequency is measured up to it. */
  asOf: string;
  /** Expected customer lifespan in years for the prediction. Default 3. */
  lifespanYears?: number;
  limit?: number;
  /** How money is spelled in the explanation. Default: plain numbers. */
  format?: ValueFormat;
}

const DAY = 86_400_000;
// A customer first seen yesterday has not shown a yearly frequency yet: measure over at least a month.
const MIN_OBSERVED_DAYS = 30;

/** Historic and predicted customer lifetime value, ranked by historic value, with cohorts by first-purchase month. */
export function lifetimeValue(orders: readonly CustomerOrder[], options: LifetimeValueOptions): LifetimeValue {
  const { asOf, lifespanYears = 3, limit = 50, format = plainNumber } = options;
  const byCustomer = new Map<string, CustomerOrder[]>();
  for (const order of orders) byCustomer.set(order.customerId, [...(byCustomer.get(order.customerId) ?? []), order]);
  const values = [...byCustomer].flatMap(([customerId, own]): CustomerValue[] => {
    // An entry that only takes money back (a refund on a later day) is no purchase day.
    const dates = own
      .filter((order) => (order.orders ?? 1) > 0)
      .map((order) => order.date)
      .sort();
    if (dates.length === 0) return [];
    const sales = [...new Map(own.map((order) => [order.saleId, order.orders ?? 1])).values()].reduce((total, count) => total + count, 0);
    const historicMinor = own.reduce((total, order) => total + order.revenueMinor, 0);
    const observedDays = Math.max(MIN_OBSERVED_DAYS, (Date.parse(asOf) - Date.parse(dates[0])) / DAY + 1);
    const ordersPerYear = finiteOrNull((sales * 365.25) / observedDays) ?? 0;
    const averageOrderMinor = historicMinor / sales;
    return [
      {
        customerId,
        orders: sales,
        firstPurchase: dates[0],
        lastPurchase: dates[dates.length - 1],
        historicMinor,
        averageOrderMinor,
        ordersPerYear,
        predictedMinor: finiteOrNull(averageOrderMinor * ordersPerYear * lifespanYears) ?? 0,
      },
    ];
  });
  const cohorts = cohortsOf(values);
  const ranked = [...values].sort((a, b) => b.historicMinor - a.historicMinor || (a.customerId < b.customerId ? -1 : 1)).slice(0, limit);
  return { customers: ranked, cohorts, lifespanYears, explanation: explain(values, lifespanYears, format) };
}

function cohortsOf(values: readonly CustomerValue[]): Cohort[] {
  const months = new Map<string, CustomerValue[]>();
  for (const value of values) months.set(value.firstPurchase.slice(0, 7), [...(months.get(value.firstPurchase.slice(0, 7)) ?? []), value]);
  return [...months]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, members]) => {
      const revenueMinor = members.reduce((total, member) => total + member.historicMinor, 0);
      return {
        month,
        customers: members.length,
        revenueMinor,
        averageHistoricMinor: revenueMinor / members.length,
        repeatRate: members.filter((member) => member.lastPurchase > member.firstPurchase).length / members.length,
      };
    });
}

function explain(values: readonly CustomerValue[], lifespanYears: number, format: ValueFormat): string {
  if (values.length === 0) return 'No sales to known customers yet.';
  const average = (pick: (value: CustomerValue) => number) => values.reduce((total, value) => total + pick(value), 0) / values.length;
  return `${values.length} customer${values.length === 1 ? '' : 's'} spent ${format(average((value) => value.historicMinor))} on average so far; at their order value and frequency over ${lifespanYears} years, a customer is worth about ${format(average((value) => value.predictedMinor))}.`;
}
