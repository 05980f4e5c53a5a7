import { priceSale } from '@kassa/contracts';
import { demoCategories, generateProducts } from './catalog-generator';
import { generateCustomers } from './customer-generator';
import { API_REGISTER_NAME, generateSalesHistory, localDate, POS_REGISTER_NAMES, type SalesHistoryOptions } from './sales-history-generator';

const products = generateProducts(300, 42);
const customers = generateCustomers(200, 42);

function options(overrides: Partial<SalesHistoryOptions> = {}): SalesHistoryOptions {
  return {
    seed: 42,
    days: 120,
    salesPerDay: 60,
    endDate: '2026-03-01',
    timeZone: 'Europe/Berlin',
    pricesIncludeTax: true,
    stores: 2,
    products,
    customers,
    ...overrides,
  };
}

const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const newYorkHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', hourCycle: 'h23' });

describe('the sales history generator', () => {
  const sut = generateSalesHistory(options());

  it('builds the same history from the same options, and another from another seed', () => {
    // Compared as JSON: a failing toEqual would spend a minute diffing thousands of sales.
    const twenty = (seed: number) => JSON.stringify(generateSalesHistory(options({ days: 20, seed })));
    expect(twenty(42) === twenty(42)).toBe(true);
    expect(twenty(7) === twenty(42)).toBe(false);
  });

  it('sells about the asked number of sales a day over the period, ending the day before endDate', () => {
    expect(sut.days).toHaveLength(120);
    expect(sut.days.at(-1)?.date).toBe('2026-02-28');
    expect(sut.sales.length).toBeGreaterThan(120 * 60 * 0.95);
    expect(sut.sales.length).toBeLessThan(120 * 60 * 1.05);
    expect(sut.days.reduce((total, day) => total + day.sales, 0)).toBe(sut.sales.length);
    expect(sut.sales.every((sale) => localDate('Europe/Berlin', sale.occurredAt) < '2026-03-01')).toBe(true);
  });

  it('is busier on weekends than on weekdays, by the local calendar', () => {
    const perDate = new Map<string, number>();
    for (const sale of sut.sales) {
      const date = localDate('Europe/Berlin', sale.occurredAt);
      perDate.set(date, (perDate.get(date) ?? 0) + 1);
    }
    const open = sut.days.filter((day) => !day.closed && day.date !== sut.anomalies.spikeDay && day.date !== sut.anomalies.outageDay);
    const weekend = open.filter((day) => day.weekday === 0 || day.weekday === 6).map((day) => perDate.get(day.date) ?? 0);
    const weekdays = open.filter((day) => day.weekday > 0 && day.weekday < 6).map((day) => perDate.get(day.date) ?? 0);
    expect(average(weekend)).toBeGreaterThan(average(weekdays) * 1.1);
    const saturdays = open.filter((day) => day.weekday === 6).map((day) => day.sales);
    expect(average(saturdays)).toBeGreaterThan(average(weekdays) * 1.4);
  });

  it('peaks in December and dips in summer', () => {
    const year = generateSalesHistory(options({ days: 365, endDate: '2026-01-01', salesPerDay: 30 }));
    const monthly = (month: string) => average(year.days.filter((day) => day.date.slice(5, 7) === month && !day.closed).map((day) => day.sales));
    expect(monthly('12')).toBeGreaterThan(monthly('10') * 1.15);
    expect(monthly('08')).toBeLessThan(monthly('10'));
  });

  it('sells only in opening hours, in the shop time zone, and never on closed holidays', () => {
    const around = generateSalesHistory(options({ days: 20, endDate: '2026-01-05', timeZone: 'America/New_York' }));
    expect(around.days.filter((day) => day.closed).map((day) => day.date)).toEqual(['2025-12-25', '2025-12-26', '2026-01-01']);
    for (const sale of around.sales) {
      const date = localDate('America/New_York', sale.occurredAt);
      expect(['2025-12-25', '2025-12-26', '2026-01-01']).not.toContain(date);
      const hour = Number(newYorkHour.format(sale.occurredAt));
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(date.endsWith('12-24') || date.endsWith('12-31') ? 14 : 20);
    }
  });

  it('computes every sale with priceSale, and its tenders cover the total with the right change', () => {
    for (const pricesIncludeTax of [true, false]) {
      const history = pricesIncludeTax ? sut : generateSalesHistory(options({ pricesIncludeTax, days: 30 }));
      const wrong = history.sales.filter((sale) => {
        const expected = priceSale({
          lines: sale.lines.map((line) => ({
            unitPriceMinor: line.unitPriceMinor,
            quantity: line.quantity,
            taxRateBps: line.taxRateBps,
            ...(line.discount ? { discount: line.discount } : {}),
          })),
          ...(sale.discount ? { discount: sale.discount } : {}),
          pricesIncludeTax,
        });
        const totalsMatch =
          sale.subtotalMinor === expected.subtotalMinor &&
          sale.discountMinor === expected.discountMinor &&
          sale.taxMinor === expected.taxMinor &&
          sale.totalMinor === expected.totalMinor &&
          sale.lines.every((line, index) =>
            (['grossMinor', 'lineDiscountMinor', 'saleDiscountMinor', 'taxMinor', 'totalMinor'] as const).every(
              (field) => line[field] === expected.lines[index][field],
            ),
          );
        const tendered = sale.tenders.reduce((total, tender) => total + tender.amountMinor, 0);
        const cash = sale.tenders.filter((tender) => tender.type === 'cash').reduce((total, tender) => total + tender.amountMinor, 0);
        const tendersRight =
          sale.tenderedMinor === tendered &&
          sale.changeDueMinor === tendered - sale.totalMinor &&
          sale.changeDueMinor >= 0 &&
          // Only cash gives change, and never all of the cash handed over.
          sale.changeDueMinor <= (cash === 0 ? 0 : cash - 1) &&
          sale.tenders.every((tender) => tender.amountMinor > 0);
        return !totalsMatch || !tendersRight;
      });
      expect(wrong).toEqual([]);
      expect(history.sales.length).toBeGreaterThan(1000);
    }
  });

  it('pays mostly by card, some in cash rounded up to a note, with 1 to 6 distinct products a line', () => {
    const types = sut.sales.map((sale) => sale.tenders.map((tender) => tender.type).join('+'));
    const share = (type: string) => types.filter((value) => value === type).length / types.length;
    expect(share('card')).toBeGreaterThan(0.55);
    expect(share('cash')).toBeGreaterThan(0.1);
    expect(sut.sales.some((sale) => sale.changeDueMinor > 0)).toBe(true);
    const ordinary = sut.sales.filter((sale) => sale.note === null);
    expect(ordinary.every((sale) => sale.lines.length >= 1 && sale.lines.length <= 6)).toBe(true);
    expect(sut.sales.every((sale) => new Set(sale.lines.map((line) => line.productIndex)).size === sale.lines.length)).toBe(true);
    expect(sut.sales.every((sale) => sale.lines.every((line) => line.listPriceMinor === products[line.productIndex].priceMinor))).toBe(true);
  });

  it('skews baskets to best sellers', () => {
    const counts = new Array<number>(products.length).fill(0);
    for (const sale of sut.sales) for (const line of sale.lines) counts[line.productIndex]++;
    const sorted = [...counts].sort((a, b) => b - a);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(sorted.slice(0, 30).reduce((a, b) => a + b, 0) / total).toBeGreaterThan(0.3);
  });

  it('numbers receipts gaplessly per register in time order, mostly on the tills', () => {
    const byRegister = new Map<string, { occurredAt: number; receiptNumber: number }[]>();
    for (const sale of sut.sales) {
      expect([...POS_REGISTER_NAMES, API_REGISTER_NAME]).toContain(sale.registerName);
      const key = `${sale.storeIndex}/${sale.registerName}`;
      const sales = byRegister.get(key) ?? [];
      sales.push(sale);
      byRegister.set(key, sales);
    }
    expect(byRegister.size).toBe(6);
    for (const sales of byRegister.values()) {
      expect(sales.map((sale) => sale.receiptNumber)).toEqual(sales.map((_, index) => index + 1));
      expect(sales.every((sale, index) => index === 0 || sale.occurredAt >= sales[index - 1].occurredAt)).toBe(true);
    }
    const api = sut.sales.filter((sale) => sale.registerName === API_REGISTER_NAME).length;
    expect(api / sut.sales.length).toBeLessThan(0.06);
  });

  it('discounts promoted departments on promotion days only, and some whole sales', () => {
    expect(sut.promotions.length).toBeGreaterThan(2);
    const wrong = sut.sales.filter((sale) => {
      const date = localDate('Europe/Berlin', sale.occurredAt);
      const promotion = sut.promotions.find((candidate) => date >= candidate.firstDay && date <= candidate.lastDay);
      return sale.lines.some((line) => {
        const promoted = promotion?.categoryKeys.includes(products[line.productIndex].categoryKey);
        return promoted
          ? line.discount === null || !('percentBps' in line.discount) || line.discount.percentBps !== promotion?.percentBps
          : line.discount !== null;
      });
    });
    expect(wrong).toEqual([]);
    expect(sut.sales.some((sale) => sale.lines.some((line) => line.discount))).toBe(true);
    expect(sut.sales.filter((sale) => sale.discount).length).toBeGreaterThan(10);
    expect(sut.promotions.flatMap((promotion) => promotion.categoryKeys).every((key) => demoCategories.some((category) => category.key === key))).toBe(true);
  });

  it('has a spike day, a till outage and a few very large baskets', () => {
    const perDay = new Map(sut.days.map((day) => [day.date, day.sales]));
    const open = sut.days
      .filter((day) => !day.closed)
      .map((day) => day.sales)
      .sort((a, b) => a - b);
    const median = open[Math.floor(open.length / 2)];
    expect(perDay.get(sut.anomalies.spikeDay ?? '')).toBeGreaterThan(median * 2);
    expect(perDay.get(sut.anomalies.outageDay ?? '')).toBeLessThan(median * 0.1);
    const large = sut.sales.filter((sale) => sale.lines.length > 20);
    expect(large.length).toBe(sut.anomalies.largeBaskets);
    expect(large.length).toBeGreaterThanOrEqual(1);
  });

  it('links some sales to customers, never before the customer came', () => {
    const linked = sut.sales.filter((sale) => sale.customerIndex !== null);
    expect(linked.length / sut.sales.length).toBeGreaterThan(0.1);
    expect(linked.length / sut.sales.length).toBeLessThan(0.4);
    for (const sale of linked) expect(sut.customerSince[sale.customerIndex as number]).toBeLessThanOrEqual(sale.occurredAt);
    const staff = linked.filter((sale) => customers[sale.customerIndex as number].tags.includes('staff'));
    for (const sale of staff) expect(sale.discount).toEqual({ percentBps: 1000 });
  });

  it('grows gently over the period', () => {
    const history = generateSalesHistory(options({ days: 728, endDate: '2026-06-01', salesPerDay: 100 }));
    const { spikeDay, outageDay } = history.anomalies;
    // The same eight weeks a year apart (364 days: the same weekdays), without the anomaly days.
    const weeks = (from: number) =>
      history.days
        .slice(from, from + 56)
        .filter((day) => day.date !== spikeDay && day.date !== outageDay)
        .reduce((total, day) => total + day.sales, 0);
    expect(weeks(364) / weeks(0)).toBeGreaterThan(1.05);
    expect(weeks(364) / weeks(0)).toBeLessThan(1.2);
  });

  it('sells nothing without products, stores or days', () => {
    expect(generateSalesHistory(options({ products: [] })).sales).toEqual([]);
    expect(generateSalesHistory(options({ stores: 0 })).sales).toEqual([]);
    expect(generateSalesHistory(options({ days: 0 })).sales).toEqual([]);
    expect(generateSalesHistory(options({ customers: [] })).sales.every((sale) => sale.customerIndex === null)).toBe(true);
  });
});
