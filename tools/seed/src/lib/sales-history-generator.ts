import { priceSale, type Discount, type PricingLine } from '@kassa/contracts';
import { gaussian, pick, seededRandom, shuffled, weightedSampler } from './random';

export interface HistoryProduct {
  priceMinor: number;
  taxRateBps: number;
  categoryKey: string;
}

export interface HistoryCustomer {
  tags: readonly string[];
}

export interface SalesHistoryOptions {
  seed: number;
  days: number;
  /** The average over the whole period, all stores together. */
  salesPerDay: number;
  /** The local day after the history (YYYY-MM-DD), usually today in the shop's time zone. */
  endDate: string;
  timeZone: string;
  pricesIncludeTax: boolean;
  stores: number;
  products: readonly HistoryProduct[];
  customers: readonly HistoryCustomer[];
}

export const POS_REGISTER_NAMES = ['Till 1', 'Till 2'] as const;
export const API_REGISTER_NAME = 'API';

export type TenderType = 'cash' | 'card' | 'other';

export interface HistoryTender {
  type: TenderType;
  amountMinor: number;
}

export interface HistorySaleLine {
  productIndex: number;
  quantity: number;
  unitPriceMinor: number;
  listPriceMinor: number;
  taxRateBps: number;
  discount: Discount | null;
  grossMinor: number;
  lineDiscountMinor: number;
  saleDiscountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface HistorySale {
  storeIndex: number;
  /** One of POS_REGISTER_NAMES or API_REGISTER_NAME, within the store. */
  registerName: string;
  /** Gapless per register, in occurredAt order. */
  receiptNumber: number;
  /** Epoch milliseconds. */
  occurredAt: number;
  customerIndex: number | null;
  discount: Discount | null;
  note: string | null;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  tenderedMinor: number;
  changeDueMinor: number;
  lines: HistorySaleLine[];
  tenders: HistoryTender[];
}

export interface HistoryDay {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  closed: boolean;
  sales: number;
}

export interface Promotion {
  firstDay: string;
  lastDay: string;
  categoryKeys: string[];
  percentBps: number;
}

export interface SalesHistory {
  sales: HistorySale[];
  days: HistoryDay[];
  promotions: Promotion[];
  anomalies: { spikeDay: string | null; outageDay: string | null; largeBaskets: number };
  /** When each customer first came to the shop (epoch ms): never after their first sale. */
  customerSince: number[];
}

const DAY_MS = 86_400_000;
/** Sunday … Saturday: Saturday is the big shopping day, Sunday opens short. */
const WEEKDAY_FACTOR = [0.7, 0.85, 0.9, 0.95, 1.0, 1.25, 1.6];
const ANNUAL_GROWTH = 1.12;
/** Relative traffic per opening hour, from the opening hour on. */
const HOURS = {
  weekday: { open: 8, weights: [4, 6, 7, 7, 9, 8, 6, 6, 8, 10, 9, 5] },
  saturday: { open: 8, weights: [5, 8, 10, 11, 11, 10, 9, 8, 7, 6, 5, 3] },
  sunday: { open: 10, weights: [6, 8, 9, 8, 7, 7, 6, 4] },
  /** 24 and 31 December close at two. */
  short: { open: 8, weights: [6, 9, 11, 11, 9, 6] },
} as const;
type DayKind = keyof typeof HOURS;
const CLOSED_DAYS = new Set(['01-01', '12-25', '12-26']);
const SHORT_DAYS = new Set(['12-24', '12-31']);
const LINE_COUNT_WEIGHTS = [20, 21, 19, 16, 13, 11];
const QUANTITY_WEIGHTS = [72, 17, 6, 3, 1, 1];
const PROMOTION_PERCENTS_BPS = [1000, 1500, 2000, 2500, 3000];
/** Euro notes (the seeded shop's currency), in minor units. */
const NOTES_MINOR = [500, 1000, 2000, 5000, 10_000, 20_000];
const SPIKE_FACTOR = 3.2;
const OUTAGE_FACTOR = 0.04;

const isoDate = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
const dayNumberOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The local date (YYYY-MM-DD) in a time zone at an instant. */
export function localDate(timeZone: string, at: number): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** Local midnight of a civil day, in UTC epoch ms, from the zone's offset at local noon (clock changes happen at night, when the shop is closed). */
function localMidnightUtc(format: Intl.DateTimeFormat, dayNumber: number): number {
  const noon = dayNumber * DAY_MS + DAY_MS / 2;
  const offsetAt = (utc: number) => {
    const parts = Object.fromEntries(format.formatToParts(utc).map((part) => [part.type, Number(part.value)]));
    return Date.UTC(parts['year'], parts['month'] - 1, parts['day'], parts['hour'], parts['minute'], parts['second']) - Math.floor(utc / 1000) * 1000;
  };
  const offset = offsetAt(noon - offsetAt(noon));
  return dayNumber * DAY_MS - offset;
}

/** exp(-d²/2w²) with d the distance in days around the year. */
function bump(dayOfYear: number, centre: number, width: number): number {
  const raw = Math.abs(dayOfYear - centre);
  const distance = Math.min(raw, 365 - raw);
  return Math.exp(-0.5 * (distance / width) ** 2);
}

/** December peak (Christmas shopping), a dip in the summer holidays. */
function yearlyFactor(dayNumber: number): number {
  const date = new Date(dayNumber * DAY_MS);
  const dayOfYear = (dayNumber - Date.UTC(date.getUTCFullYear(), 0, 1) / DAY_MS) | 0;
  return 1 + 0.45 * bump(dayOfYear, 354, 9) + 0.12 * bump(dayOfYear, 340, 30) - 0.15 * bump(dayOfYear, 215, 28);
}

function dayKind(dayNumber: number): DayKind | null {
  const monthDay = isoDate(dayNumber).slice(5);
  if (CLOSED_DAYS.has(monthDay)) return null;
  if (SHORT_DAYS.has(monthDay)) return 'short';
  const weekday = new Date(dayNumber * DAY_MS).getUTCDay();
  return weekday === 0 ? 'sunday' : weekday === 6 ? 'saturday' : 'weekday';
}

/** Zipf-Mandelbrot popularity by rank: a few best sellers, a long tail. */
const zipf = (rank: number, exponent: number, shift: number) => 1 / (rank + shift) ** exponent;

/** Cash handed over for `total`: exact, the next euro, or the next note (sometimes one larger). */
function cashTendered(random: () => number, total: number): number {
  const draw = random();
  if (draw < 0.2) return total;
  if (draw < 0.4 && total < 1000) return Math.ceil(total / 100) * 100;
  const notes = NOTES_MINOR.filter((note) => note >= total);
  if (notes.length === 0) return Math.ceil(total / 5000) * 5000;
  return notes[draw > 0.9 && notes.length > 1 ? 1 : 0];
}

function tendersFor(random: () => number, total: number, registerName: string, large: boolean): HistoryTender[] {
  if (total === 0) return [];
  const draw = random();
  // Online orders and catering orders are paid by card or on invoice, never in cash.
  if (registerName === API_REGISTER_NAME || large) return [{ type: draw < 0.8 ? 'card' : 'other', amountMinor: total }];
  const cashShare = total < 1000 ? 0.45 : total < 3000 ? 0.3 : total < 10_000 ? 0.18 : 0.08;
  if (draw < 0.015 && total > NOTES_MINOR[0]) {
    const note = NOTES_MINOR.filter((value) => value < total).at(-1) as number;
    return [
      { type: 'cash', amountMinor: note },
      { type: 'card', amountMinor: total - note },
    ];
  }
  if (draw < 0.015 + cashShare) return [{ type: 'cash', amountMinor: cashTendered(random, total) }];
  if (draw < 0.025 + cashShare) return [{ type: 'other', amountMinor: total }];
  return [{ type: 'card', amountMinor: total }];
}

/**
 * A shop's past sales, the same for the same options: weekly and yearly seasonality, a gentle
 * upward trend, opening hours with an hourly curve in the shop's time zone, promotion days and
 * weeks, occasional sale discounts, baskets skewed to best sellers, card and cash tenders, and a few
 * anomalies (a spike day, a till outage, a handful of very large baskets). Every amount comes from
 * priceSale, as the API computes it. Pure: the writer turns the result into rows.
 */
export function generateSalesHistory(options: SalesHistoryOptions): SalesHistory {
  const { products, customers } = options;
  const schedule = seededRandom(options.seed ^ 0x51de_5a1e);
  const random = seededRandom(options.seed ^ 0x0ba5_4e75);
  const endDay = dayNumberOf(options.endDate);
  if (!Number.isInteger(endDay)) throw new RangeError(`endDate must be YYYY-MM-DD, got ${options.endDate}`);
  const firstDay = endDay - options.days;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: options.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const periodStart = localMidnightUtc(format, firstDay);
  const periodEnd = localMidnightUtc(format, endDay);

  // Half were customers before the period; the others come during it, and buy nothing before.
  const customerSince = customers.map(() =>
    schedule() < 0.5 ? periodStart - Math.floor(schedule() * 365) * DAY_MS : periodStart + Math.floor(schedule() * (periodEnd - periodStart)),
  );
  const kinds = Array.from({ length: options.days }, (_, index) => dayKind(firstDay + index));
  const categories = [...new Set(products.map((product) => product.categoryKey))].sort();
  const promotions = planPromotions(schedule, options.days, categories);
  const openDays = kinds.flatMap((kind, index) => (kind ? [index] : []));
  // Anomalies stay out of the first days, which forecasts and baselines use to warm up.
  const pickOpenDay = (exclude: number[]) => {
    const candidates = openDays.filter((index) => !exclude.includes(index) && index >= options.days * 0.15);
    return candidates.length ? pick(schedule, candidates) : null;
  };
  const spike = options.days >= 14 ? pickOpenDay([]) : null;
  const outage = spike === null ? null : pickOpenDay([spike]);
  const largeBasketDays = new Map<number, number>();
  const largeBasketCount = options.days >= 7 ? Math.min(8, Math.max(2, Math.round(options.days / 50))) : 0;
  for (let count = 0; count < largeBasketCount; count++) {
    const day = pickOpenDay(outage === null ? [] : [outage]);
    if (day !== null) largeBasketDays.set(day, (largeBasketDays.get(day) ?? 0) + 1);
  }

  const promotionOn = (index: number) => promotions.find((promotion) => index >= promotion.first && index <= promotion.last);
  const factors = kinds.map((kind, index) => {
    if (!kind) return 0;
    const dayNumber = firstDay + index;
    const weekday = kind === 'short' ? 0.9 : WEEKDAY_FACTOR[new Date(dayNumber * DAY_MS).getUTCDay()];
    const anomaly = index === spike ? SPIKE_FACTOR : index === outage ? OUTAGE_FACTOR : 1;
    return weekday * yearlyFactor(dayNumber) * ANNUAL_GROWTH ** (index / 365) * (promotionOn(index) ? 1.08 : 1) * anomaly;
  });
  const factorSum = factors.reduce((a, b) => a + b, 0);
  const canSell = products.length > 0 && options.stores > 0 && factorSum > 0;

  const popularity = shuffled(
    schedule,
    products.map((_, index) => index),
  );
  const productWeights = new Array<number>(products.length);
  popularity.forEach((productIndex, rank) => (productWeights[productIndex] = zipf(rank, 1.05, 2.5)));
  const drawProduct = canSell ? weightedSampler(random, productWeights) : () => 0;
  const byCategory = new Map<string, () => number>();
  for (const key of categories) {
    const members = products.flatMap((product, index) => (product.categoryKey === key ? [index] : []));
    const draw = weightedSampler(
      random,
      members.map((index) => productWeights[index]),
    );
    byCategory.set(key, () => members[draw()]);
  }
  // Regulars (low indexes, and those tagged so) come back often.
  const drawCustomer = customers.length
    ? weightedSampler(
        random,
        customers.map((customer, index) => zipf(index, 0.7, 2) * (customer.tags.includes('vip') ? 3 : customer.tags.includes('regular') ? 4 : 1)),
      )
    : null;
  const storeWeights = Array.from({ length: options.stores }, (_, index) => (index === 0 ? 1 : Math.max(0.3, 0.75 - 0.1 * (index - 1))));
  const drawStore = options.stores > 0 ? weightedSampler(random, storeWeights) : () => 0;
  const drawLineCount = weightedSampler(random, LINE_COUNT_WEIGHTS);
  const drawQuantity = weightedSampler(random, QUANTITY_WEIGHTS);
  const drawHour = Object.fromEntries(Object.entries(HOURS).map(([kind, hours]) => [kind, weightedSampler(random, hours.weights)])) as Record<
    DayKind,
    () => number
  >;

  const sales: HistorySale[] = [];
  const days: HistoryDay[] = [];
  for (let index = 0; index < options.days; index++) {
    const dayNumber = firstDay + index;
    const kind = kinds[index];
    const expected = canSell ? (options.salesPerDay * options.days * factors[index]) / factorSum : 0;
    const count = Math.max(0, Math.round(expected * Math.max(0, 1 + 0.08 * gaussian(random))));
    days.push({ date: isoDate(dayNumber), weekday: new Date(dayNumber * DAY_MS).getUTCDay(), closed: kind === null, sales: count });
    if (!kind || count === 0) continue;

    const midnight = localMidnightUtc(format, dayNumber);
    const hours = HOURS[kind];
    // The tills failed early on the outage day: only the first hour's sales went through.
    const times = Array.from({ length: count }, () => {
      const hour = hours.open + (index === outage ? 0 : drawHour[kind]());
      return midnight + hour * 3_600_000 + Math.floor(random() * 3_600_000);
    }).sort((a, b) => a - b);
    const promotion = promotionOn(index);
    const largeAt = new Set(Array.from({ length: largeBasketDays.get(index) ?? 0 }, () => Math.floor(random() * count)));
    times.forEach((occurredAt, position) => sales.push(makeSale(occurredAt, largeAt.has(position), promotion)));
  }

  function makeSale(occurredAt: number, large: boolean, promotion: PlannedPromotion | undefined): HistorySale {
    const storeIndex = drawStore();
    const registerDraw = random();
    const registerName = registerDraw < 0.03 ? API_REGISTER_NAME : registerDraw < 0.6 ? POS_REGISTER_NAMES[0] : POS_REGISTER_NAMES[1];
    let customerIndex: number | null = null;
    if (drawCustomer && random() < (registerName === API_REGISTER_NAME || large ? 0.85 : 0.2)) {
      const candidate = drawCustomer();
      if (customerSince[candidate] <= occurredAt) customerIndex = candidate;
    }

    const lineCount = Math.min(products.length, large ? 25 + Math.floor(random() * 16) : 1 + drawLineCount());
    const chosen = new Set<number>();
    const input: PricingLine[] = [];
    const productIndexes: number[] = [];
    for (let line = 0; line < lineCount; line++) {
      let productIndex = -1;
      for (let attempt = 0; attempt < 5 && (productIndex < 0 || chosen.has(productIndex)); attempt++) {
        productIndex = promotion && random() < 0.3 ? (byCategory.get(pick(random, promotion.categoryKeys)) as () => number)() : drawProduct();
      }
      if (chosen.has(productIndex)) continue;
      chosen.add(productIndex);
      const product = products[productIndex];
      const promotionBps = promotion?.categoryKeys.includes(product.categoryKey) ? promotion.percentBps : 0;
      productIndexes.push(productIndex);
      input.push({
        unitPriceMinor: product.priceMinor,
        quantity: large ? 1 + Math.floor(random() * 12) : 1 + drawQuantity(),
        taxRateBps: product.taxRateBps,
        ...(promotionBps ? { discount: { percentBps: promotionBps } } : {}),
      });
    }

    const customer = customerIndex === null ? null : customers[customerIndex];
    let discount: Discount | null = null;
    if (customer?.tags.includes('staff')) discount = { percentBps: 1000 };
    else if (random() < 0.025) {
      const gross = input.reduce((total, line) => total + line.unitPriceMinor * line.quantity, 0);
      discount = gross >= 3000 && random() < 0.5 ? { amountMinor: 500 } : { percentBps: pick(random, [500, 1000]) };
    }
    const priced = priceSale({ lines: input, pricesIncludeTax: options.pricesIncludeTax, ...(discount ? { discount } : {}) });
    const tenders = tendersFor(random, priced.totalMinor, registerName, large);
    const tenderedMinor = tenders.reduce((total, tender) => total + tender.amountMinor, 0);
    return {
      storeIndex,
      registerName,
      receiptNumber: 0,
      occurredAt,
      customerIndex,
      discount,
      note: large ? 'Catering order' : null,
      subtotalMinor: priced.subtotalMinor,
      discountMinor: priced.discountMinor,
      taxMinor: priced.taxMinor,
      totalMinor: priced.totalMinor,
      tenderedMinor,
      changeDueMinor: tenderedMinor - priced.totalMinor,
      lines: priced.lines.map((line, position) => ({
        productIndex: productIndexes[position],
        quantity: input[position].quantity,
        unitPriceMinor: input[position].unitPriceMinor,
        listPriceMinor: products[productIndexes[position]].priceMinor,
        taxRateBps: input[position].taxRateBps,
        discount: input[position].discount ?? null,
        ...line,
      })),
      tenders,
    };
  }

  const lastReceipt = new Map<string, number>();
  for (const sale of sales) {
    const key = `${sale.storeIndex}/${sale.registerName}`;
    sale.receiptNumber = (lastReceipt.get(key) ?? 0) + 1;
    lastReceipt.set(key, sale.receiptNumber);
  }

  return {
    sales,
    days,
    promotions: promotions.map((promotion) => ({
      firstDay: isoDate(firstDay + promotion.first),
      lastDay: isoDate(firstDay + promotion.last),
      categoryKeys: promotion.categoryKeys,
      percentBps: promotion.percentBps,
    })),
    anomalies: {
      spikeDay: spike === null ? null : isoDate(firstDay + spike),
      outageDay: outage === null ? null : isoDate(firstDay + outage),
      largeBaskets: sales.filter((sale) => sale.note !== null).length,
    },
    customerSince,
  };
}

interface PlannedPromotion {
  /** Day indexes within the period, inclusive. */
  first: number;
  last: number;
  categoryKeys: string[];
  percentBps: number;
}

/** A promotion every two to five weeks: a week on one department, or a day on two. */
function planPromotions(random: () => number, days: number, categories: string[]): PlannedPromotion[] {
  const promotions: PlannedPromotion[] = [];
  if (categories.length === 0) return promotions;
  for (let day = 3 + Math.floor(random() * 10); day < days;) {
    const week = random() < 0.6;
    const length = week ? 7 : 1;
    const categoryKeys = shuffled(random, categories)
      .slice(0, week ? 1 : 2)
      .sort();
    promotions.push({ first: day, last: Math.min(days, day + length) - 1, categoryKeys, percentBps: pick(random, PROMOTION_PERCENTS_BPS) });
    day += length + 10 + Math.floor(random() * 20);
  }
  return promotions;
}
