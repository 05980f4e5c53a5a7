import fc from 'fast-check';
import Redis from 'ioredis';
import request from 'supertest';
import { BasketPair, scoreBasketPairs } from '@kassa/analytics-core';
import { ErrorCode } from '@kassa/contracts';
import { AnalyticsRollupsService } from '@kassa/api/analytics';
import { TenantTransaction } from '@kassa/api/database';
import { eventually, TEST_REDIS_URL, type TillSession } from '@kassa/testing';
import { salesFixtures } from '../sales/sales-fixtures';
import { addUser, bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { spyOnRequestTransactions } from '../support/request-transactions';
import { startTestApi, TestApi } from '../support/test-api';
import { tillSession } from '../support/till';

const TIME_ZONE = 'Europe/Berlin';
const localDay = (at: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));

interface SaleLine {
  id: string;
  productId: string;
  quantity: number;
  totalMinor: number;
  taxMinor: number;
}
interface Sale {
  id: string;
  storeId: string;
  customerId: string | null;
  status: string;
  occurredAt: string;
  lines: SaleLine[];
}
interface Refund {
  createdAt: string;
  lines: { saleLineId: string; productId: string; quantity: number; amountMinor: number; taxMinor: number }[];
}
type Bucket = { quantity: number; revenue: number; cost: number; transactions: number };
type CustomerTotal = { firstDay: string; lastDay: string; firstOrderDay: string | null; lastOrderDay: string | null; orders: number; revenue: number };

/** The daily product rollup computed from scratch, from what the sales API says happened. */
function fromScratch(sales: Sale[], refunds: Map<string, Refund[]>, costs: Map<string, number>): Record<string, Bucket> {
  const buckets: Record<string, Bucket> = {};
  const add = (key: string, change: Bucket) => {
    const bucket = (buckets[key] ??= { quantity: 0, revenue: 0, cost: 0, transactions: 0 });
    for (const name of ['quantity', 'revenue', 'cost', 'transactions'] as const) bucket[name] += change[name];
  };
  for (const sale of sales.filter((candidate) => candidate.status === 'completed')) {
    const products = new Set<string>();
    for (const line of sale.lines) {
      const first = !products.has(line.productId);
      products.add(line.productId);
      add(`${sale.storeId}/${localDay(sale.occurredAt)}/${line.productId}`, {
        quantity: line.quantity,
        revenue: line.totalMinor - line.taxMinor,
        cost: line.quantity * (costs.get(line.productId) ?? 0),
        transactions: first ? 1 : 0,
      });
    }
    for (const refund of refunds.get(sale.id) ?? []) {
      for (const line of refund.lines) {
        add(`${sale.storeId}/${localDay(refund.createdAt)}/${line.productId}`, {
          quantity: -line.quantity,
          revenue: -(line.amountMinor - line.taxMinor),
          cost: -line.quantity * (costs.get(line.productId) ?? 0),
          transactions: 0,
        });
      }
    }
  }
  return buckets;
}

/** The daily buckets (`store/day/product`) summed by month (`store/YYYY-MM-01/product`). */
function byMonth(days: Record<string, Bucket>): Record<string, Bucket> {
  const months: Record<string, Bucket> = {};
  for (const [key, bucket] of Object.entries(days)) {
    const [store, day, product] = key.split('/');
    const month = (months[`${store}/${day.slice(0, 8)}01/${product}`] ??= { quantity: 0, revenue: 0, cost: 0, transactions: 0 });
    for (const name of ['quantity', 'revenue', 'cost', 'transactions'] as const) month[name] += bucket[name];
  }
  return Object.fromEntries(Object.entries(months).filter(([, month]) => month.quantity !== 0 || month.revenue !== 0 || month.transactions !== 0));
}

/** Per store and customer (`store/customer`): every day they bought or were refunded, their orders and revenue net of refunds. */
function customerTotalsFromScratch(sales: Sale[], refunds: Map<string, Refund[]>): Record<string, CustomerTotal> {
  const totals: Record<string, CustomerTotal> = {};
  const add = (key: string, day: string, order: boolean, revenue: number) => {
    const total = (totals[key] ??= { firstDay: day, lastDay: day, firstOrderDay: null, lastOrderDay: null, orders: 0, revenue: 0 });
    total.firstDay = day < total.firstDay ? day : total.firstDay;
    total.lastDay = day > total.lastDay ? day : total.lastDay;
    if (order) {
      total.firstOrderDay = total.firstOrderDay === null || day < total.firstOrderDay ? day : total.firstOrderDay;
      total.lastOrderDay = total.lastOrderDay === null || day > total.lastOrderDay ? day : total.lastOrderDay;
      total.orders += 1;
    }
    total.revenue += revenue;
  };
  for (const sale of sales.filter((candidate) => candidate.status === 'completed' && candidate.customerId)) {
    const key = `${sale.storeId}/${sale.customerId}`;
    add(
      key,
      localDay(sale.occurredAt),
      true,
      sale.lines.reduce((sum, line) => sum + line.totalMinor - line.taxMinor, 0),
    );
    for (const refund of refunds.get(sale.id) ?? []) {
      add(key, localDay(refund.createdAt), false, -refund.lines.reduce((sum, line) => sum + line.amountMinor - line.taxMinor, 0));
    }
  }
  return totals;
}

/** The numbers of a basket pack's entries (decision 0049): a width byte, then `fields` numbers of that many bytes each, big-endian. */
function entriesOf(pack: Buffer, fields: number): number[][] {
  const entries: number[][] = [];
  const width = pack[0];
  for (let offset = 1; offset < pack.length; offset += fields * width) {
    entries.push(Array.from({ length: fields }, (_, field) => pack.readUIntBE(offset + field * width, width)));
  }
  return entries;
}

type PackFigures = { baskets: number; products: [string, number][]; pairs: [string, string, number][] };

describe('analytics', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const { newProduct, sell } = salesFixtures(() => api);
  const get = (token: string, path: string) => http().get(`/api/v1/analytics/${path}`).set(bearer(token));

  const rollupOf = async (shop: TenantFixture): Promise<Record<string, Bucket>> => {
    const rows = await ownerQuery<{ key: string; quantity: string; revenue: string; cost: string; transactions: number }>(
      api,
      `SELECT store_id || '/' || to_char(day, 'YYYY-MM-DD') || '/' || product_id AS key, quantity, revenue_minor AS revenue, cost_minor AS cost, transactions
         FROM analytics_daily_product WHERE tenant_id = $1`,
      [shop.id],
    );
    return Object.fromEntries(
      rows
        .filter((row) => Number(row.quantity) !== 0 || Number(row.revenue) !== 0 || row.transactions !== 0)
        .map((row) => [row.key, { quantity: Number(row.quantity), revenue: Number(row.revenue), cost: Number(row.cost), transactions: row.transactions }]),
    );
  };
  const monthlyRollupOf = async (shop: TenantFixture): Promise<Record<string, Bucket>> => {
    const rows = await ownerQuery<{ key: string; quantity: string; revenue: string; cost: string; transactions: number }>(
      api,
      `SELECT store_id || '/' || to_char(month, 'YYYY-MM-DD') || '/' || product_id AS key, quantity, revenue_minor AS revenue, cost_minor AS cost, transactions
         FROM analytics_monthly_product WHERE tenant_id = $1`,
      [shop.id],
    );
    return Object.fromEntries(
      rows
        .filter((row) => Number(row.quantity) !== 0 || Number(row.revenue) !== 0 || row.transactions !== 0)
        .map((row) => [row.key, { quantity: Number(row.quantity), revenue: Number(row.revenue), cost: Number(row.cost), transactions: row.transactions }]),
    );
  };
  const customerTotalsOf = async (shop: TenantFixture): Promise<Record<string, CustomerTotal>> => {
    const rows = await ownerQuery<CustomerTotal & { key: string; revenue: string }>(
      api,
      `SELECT store_id || '/' || customer_id AS key, to_char(first_day, 'YYYY-MM-DD') AS "firstDay", to_char(last_day, 'YYYY-MM-DD') AS "lastDay",
              to_char(first_order_day, 'YYYY-MM-DD') AS "firstOrderDay", to_char(last_order_day, 'YYYY-MM-DD') AS "lastOrderDay", orders, revenue_minor AS revenue
         FROM analytics_customer_total WHERE tenant_id = $1`,
      [shop.id],
    );
    return Object.fromEntries(rows.map(({ key, ...total }) => [key, { ...total, revenue: Number(total.revenue) }]));
  };
  /** Every rollup table against the sales: daily and monthly per product, customer totals. */
  const allRollupsOf = async (shop: TenantFixture) => ({
    days: await rollupOf(shop),
    months: await monthlyRollupOf(shop),
    customers: await customerTotalsOf(shop),
  });
  const recorded = async (shop: TenantFixture) => {
    const sales: Sale[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Sale[]; nextCursor: string | null } = expectStatus(
        await http()
          .get(`/api/v1/sales?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
          .set(bearer(shop.owner.accessToken)),
        200,
      ).body;
      sales.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const refunds = new Map<string, Refund[]>();
    for (const sale of sales) {
      refunds.set(sale.id, expectStatus(await http().get(`/api/v1/sales/${sale.id}/refunds`).set(bearer(shop.owner.accessToken)), 200).body.items);
    }
    return { sales, refunds };
  };
  const rebuild = (shop: TenantFixture) => api.app.get(TenantTransaction).run(shop.id, (manager) => api.app.get(AnalyticsRollupsService).rebuild(manager));
  /** Every basket pack of the shop (`store/first day/last day`), decoded to product ids. */
  const packsOf = async (shop: TenantFixture): Promise<Record<string, PackFigures>> => {
    const keys = new Map(
      (
        await ownerQuery<{ key: number; productId: string }>(api, `SELECT key, product_id AS "productId" FROM analytics_product_key WHERE tenant_id = $1`, [
          shop.id,
        ])
      ).map((row) => [row.key, row.productId]),
    );
    const rows = await ownerQuery<{ span: string; baskets: number; products: Buffer; pairs: Buffer }>(
      api,
      `SELECT store_id || '/' || to_char(first_day, 'YYYY-MM-DD') || '/' || to_char(last_day, 'YYYY-MM-DD') AS span, baskets, products, pairs
         FROM analytics_basket_pack WHERE tenant_id = $1`,
      [shop.id],
    );
    const idOf = (key: number) => keys.get(key) ?? `key ${key}`;
    return Object.fromEntries(
      rows.map((row) => [
        row.span,
        {
          baskets: row.baskets,
          products: entriesOf(row.products, 2)
            .map(([key, count]): [string, number] => [idOf(key), count])
            .sort(),
          pairs: entriesOf(row.pairs, 3)
            .map(([a, b, count]): [string, string, number] => [idOf(a), idOf(b), count])
            .sort(),
        },
      ]),
    );
  };
  /**
   * The packs the daily rollups call for: one per store and day with a row, one per store and month before the store's
   * latest such day, each holding the sales, the sales with each product and with each pair in its days.
   */
  const packsFromDailyRollups = async (shop: TenantFixture): Promise<Record<string, PackFigures>> => {
    const spans = `WITH days AS (
        SELECT store_id, day FROM analytics_hourly_store WHERE tenant_id = $1
        UNION SELECT store_id, day FROM analytics_daily_product WHERE tenant_id = $1
        UNION SELECT store_id, day FROM analytics_basket_pair WHERE tenant_id = $1
      ), spans AS (
        SELECT store_id, day AS first_day, day AS last_day FROM days
        UNION
        SELECT store_id, date_trunc('month', day)::date, (date_trunc('month', day) + interval '1 month - 1 day')::date FROM days d
         WHERE day < date_trunc('month', (SELECT max(day) FROM days l WHERE l.store_id = d.store_id))
      )`;
    const span = `s.store_id || '/' || to_char(s.first_day, 'YYYY-MM-DD') || '/' || to_char(s.last_day, 'YYYY-MM-DD') AS span`;
    const within = (alias: string) => `${alias}.tenant_id = $1 AND ${alias}.store_id = s.store_id AND ${alias}.day BETWEEN s.first_day AND s.last_day`;
    const baskets = await ownerQuery<{ span: string; baskets: number }>(
      api,
      `${spans} SELECT ${span}, coalesce((SELECT sum(transactions) FROM analytics_hourly_store h WHERE ${within('h')}), 0)::int AS baskets FROM spans s`,
      [shop.id],
    );
    const products = await ownerQuery<{ span: string; productId: string; count: number }>(
      api,
      `${spans} SELECT ${span}, d.product_id AS "productId", sum(d.transactions)::int AS count FROM spans s JOIN analytics_daily_product d ON ${within('d')}
        WHERE d.transactions <> 0 GROUP BY 1, 2`,
      [shop.id],
    );
    const pairs = await ownerQuery<{ span: string; productA: string; productB: string; count: number }>(
      api,
      `${spans} SELECT ${span}, p.product_a AS "productA", p.product_b AS "productB", sum(p.baskets)::int AS count FROM spans s JOIN analytics_basket_pair p ON ${within('p')}
        GROUP BY 1, 2, 3`,
      [shop.id],
    );
    return Object.fromEntries(
      baskets.map((row) => [
        row.span,
        {
          baskets: row.baskets,
          products: products
            .filter((entry) => entry.span === row.span)
            .map((entry): [string, number] => [entry.productId, entry.count])
            .sort(),
          pairs: pairs
            .filter((entry) => entry.span === row.span)
            .map((entry): [string, string, number] => [entry.productA, entry.productB, entry.count])
            .sort(),
        },
      ]),
    );
  };

  beforeAll(async () => {
    api = await startTestApi({ env: { OUTBOX_POLL_MS: '100' } });
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  const costs = new Map<string, number>();
  const products: { id: string; priceMinor: number; costMinor: number }[] = [];
  const customers: string[] = [];

  describe('rollups', () => {
    beforeAll(async () => {
      for (const [priceMinor, costMinor] of [
        [250, 120],
        [999, 400],
        [40, 25],
      ]) {
        const product = await newProduct(a, { priceMinor, costMinor, trackStock: false });
        costs.set(product.id, costMinor);
        products.push({ ...product, costMinor });
      }
      for (const name of ['Rollup Regular', 'Rollup Visitor']) {
        customers.push(expectStatus(await http().post('/api/v1/customers').set(bearer(a.owner.accessToken)).send({ name }), 201).body.id);
      }
    });

    // Around Berlin's local midnight on the days clocks change (29 March and 25 October 2026) and an ordinary day.
    const instant = fc.record({
      day: fc.constantFrom('2026-03-28', '2026-03-29', '2026-10-24', '2026-10-25', '2026-06-10'),
      minutes: fc.integer({ min: 20 * 60, max: 26 * 60 }),
    });
    const saleArbitrary = fc.record({
      at: fc.option(instant, { nil: null, freq: 4 }),
      store: fc.integer({ min: 0, max: 1 }),
      customer: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }),
      lines: fc.array(fc.record({ product: fc.integer({ min: 0, max: 2 }), quantity: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 3 }),
      then: fc.constantFrom('keep', 'keep', 'refund', 'void'),
    });

    const tills = new Map<number, Promise<TillSession & { receipts: number }>>();
    const tillIn = (store: number) => {
      if (!tills.has(store))
        tills.set(
          store,
          tillSession(api.app, a, { storeId: a.stores[store].id }).then((session) => ({ ...session, receipts: 0 })),
        );
      return tills.get(store) as Promise<TillSession & { receipts: number }>;
    };

    it('equal a from-scratch aggregation of the sales after random sales, voids and refunds across local midnight and DST changes', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(saleArbitrary, { minLength: 4, maxLength: 8 }), async (scenario) => {
          for (const step of scenario) {
            const occurredAt = step.at ? new Date(Date.parse(`${step.at.day}T00:00:00Z`) + step.at.minutes * 60_000).toISOString() : undefined;
            const lines = step.lines.map((line) => ({ productId: products[line.product].id, quantity: line.quantity }));
            const total = step.lines.reduce((sum, line) => sum + products[line.product].priceMinor * line.quantity, 0);
            const body = {
              storeId: a.stores[step.store].id,
              ...(step.customer === null ? {} : { customerId: customers[step.customer] }),
              lines,
              tenders: [{ type: 'card', amountMinor: total }],
            };
            // A sale rung up earlier reaches the API as an offline sale, which only a till may send.
            const till = occurredAt ? await tillIn(step.store) : undefined;
            const sale: Sale = expectStatus(
              till
                ? await sell(till.accessToken, { ...body, registerId: till.registerId, receiptNumber: ++till.receipts, occurredAt, offline: true })
                : await sell(a.owner.accessToken, body),
              201,
            ).body;
            if (step.then === 'refund') {
              const line = sale.lines[0];
              const amount = Math.floor(line.totalMinor / line.quantity);
              const refund = await http()
                .post(`/api/v1/sales/${sale.id}/refunds`)
                .set(bearer(a.owner.accessToken))
                .send({
                  lines: [{ saleLineId: line.id, quantity: 1, restock: false }],
                  tenders: [{ type: 'card', amountMinor: amount }],
                  reason: 'Changed mind',
                });
              if (refund.status === 422) {
                // The refund's share rounds to what the line has left: ask again for exactly that.
                const expected = refund.body.errors?.[0]?.message?.match(/\d+/)?.[0];
                expectStatus(
                  await http()
                    .post(`/api/v1/sales/${sale.id}/refunds`)
                    .set(bearer(a.owner.accessToken))
                    .send({
                      lines: [{ saleLineId: line.id, quantity: 1, restock: false }],
                      tenders: [{ type: 'card', amountMinor: Number(expected) }],
                      reason: 'Changed mind',
                    }),
                  201,
                );
              } else expectStatus(refund, 201);
            }
            if (step.then === 'void' && !occurredAt) {
              expectStatus(await http().post(`/api/v1/sales/${sale.id}/void`).set(bearer(a.owner.accessToken)).send({ reason: 'Rung in error' }), 200);
            }
          }
          const { sales, refunds } = await recorded(a);
          const days = fromScratch(sales, refunds, costs);
          const expected = { days, months: byMonth(days), customers: customerTotalsFromScratch(sales, refunds) };
          const sorted = (rollups: typeof expected) => JSON.stringify(Object.values(rollups).map((table) => Object.entries(table).sort()));
          await eventually(
            () => allRollupsOf(a),
            (rollups) => sorted(rollups) === sorted(expected),
          );
          expect(await allRollupsOf(a)).toEqual(expected);
          await rebuild(a);
          expect(await allRollupsOf(a)).toEqual(expected);
        }),
        { numRuns: 3, seed: 29 },
      );
    });

    it("never puts a sale of one shop into another's rollups", async () => {
      const rows = await ownerQuery<{ count: string }>(
        api,
        `SELECT count(*) FROM analytics_daily_product d WHERE d.tenant_id = $1 AND d.store_id NOT IN (SELECT id FROM store WHERE tenant_id = $1)`,
        [b.id],
      );
      expect(Number(rows[0].count)).toBe(0);
      expect(await rollupOf(b)).toEqual({});
    });

    it('counts in each monthly product row the daily rows it sums', async () => {
      const wrong = await ownerQuery<{ month: string; days: number; daily: number }>(
        api,
        `SELECT to_char(month, 'YYYY-MM-DD') AS month, days,
                (SELECT count(*)::int FROM analytics_daily_product d
                  WHERE d.tenant_id = m.tenant_id AND d.store_id = m.store_id AND d.product_id = m.product_id AND date_trunc('month', d.day) = m.month) AS daily
           FROM analytics_monthly_product m WHERE tenant_id = $1`,
        [a.id],
      );
      expect(wrong.length).toBeGreaterThan(0);
      expect(wrong.filter((row) => row.days !== row.daily)).toEqual([]);
    });

    it('keeps basket packs equal to the daily rollups they sum, also when a sale lands in a month already packed', async () => {
      const before = await packsFromDailyRollups(a);
      expect(Object.keys(before).some((span) => span.split('/')[1] !== span.split('/')[2])).toBe(true);
      expect(await packsOf(a)).toEqual(before);

      // An offline sale rung up in a month that has a pack (its store sold after it): the consumer repacks that month.
      const month = Object.keys(before).find((span) => span.split('/')[1] !== span.split('/')[2]) as string;
      const [storeId, firstDay] = month.split('/');
      const till = await tillSession(api.app, a, { storeId });
      expectStatus(
        await sell(till.accessToken, {
          storeId,
          registerId: till.registerId,
          receiptNumber: 1,
          occurredAt: `${firstDay.slice(0, 8)}12T11:00:00.000Z`,
          offline: true,
          lines: [
            { productId: products[0].id, quantity: 1 },
            { productId: products[2].id, quantity: 1 },
          ],
          tenders: [{ type: 'card', amountMinor: products[0].priceMinor + products[2].priceMinor }],
        }),
        201,
      );
      const after = await eventually(
        () => packsOf(a),
        (packs) => packs[month]?.baskets === before[month].baskets + 1,
      );
      expect(after).toEqual(await packsFromDailyRollups(a));
      await rebuild(a);
      expect(await packsOf(a)).toEqual(after);
    });
  });

  describe('the endpoints', () => {
    const ROUTES = ['summary', 'trend', 'forecast', 'seasonality', 'anomalies', 'top-products', 'baskets', 'customers', 'velocity'];

    it('answers every report with an explanation in words, money in the shop’s locale', async () => {
      for (const route of ROUTES) {
        const body = expectStatus(await get(a.owner.accessToken, `${route}?from=2026-03-01&to=2026-11-30`), 200).body;
        expect(typeof body.explanation).toBe('string');
        expect(body.explanation.length).toBeGreaterThan(10);
        expect(body).toMatchObject({ from: '2026-03-01', to: '2026-11-30', timeZone: TIME_ZONE, currency: 'EUR' });
      }
      const summary = expectStatus(await get(a.owner.accessToken, 'summary?from=2026-03-01&to=2026-11-30'), 200).body;
      expect(summary.current.revenueMinor).not.toBe(0);
      expect(summary.explanation).toMatch(/€/);
    });

    it('sums the period as the sales add up: revenue net of refunds, margin over lines with a cost, lines without one counted', async () => {
      const { sales, refunds } = await recorded(a);
      const scratch = Object.values(fromScratch(sales, refunds, new Map([...products.map((product) => [product.id, product.costMinor] as const)])));
      const period = 'from=2026-03-01&to=2030-01-01'.replace('2030-01-01', new Date().toISOString().slice(0, 10));
      const before = expectStatus(await get(a.owner.accessToken, `summary?${period}`), 200).body.current;
      expect(before.revenueMinor).toBe(scratch.reduce((sum, bucket) => sum + bucket.revenue, 0));
      expect(before.marginMinor).toBe(scratch.reduce((sum, bucket) => sum + bucket.revenue - bucket.cost, 0));
      expect(before.unknownCostLines).toBe(0);
      const said = expectStatus(await get(a.owner.accessToken, `summary?${period}`), 200).body.explanation;
      expect(said).toMatch(new RegExp(`^Revenue was [\\d.,]+\\s€ from ${before.transactions} sales \\(nothing to compare with on the \\d+ days before\\); `));
      const oneDay = expectStatus(await get(a.owner.accessToken, 'summary?from=2026-03-02&to=2026-03-02'), 200).body.explanation;
      expect(oneDay).toMatch(/^Revenue was [\d.,]+\s€ from \d+ sales? \((nothing to compare with on|[+−-][\d.]+% on) the day before\); /);

      const uncosted = await newProduct(a, { priceMinor: 300, trackStock: false });
      expectStatus(
        await sell(a.owner.accessToken, {
          storeId: a.stores[0].id,
          lines: [{ productId: uncosted.id, quantity: 2 }],
          tenders: [{ type: 'card', amountMinor: 600 }],
        }),
        201,
      );
      const after = await eventually(
        async () => expectStatus(await get(a.owner.accessToken, `summary?${period}`), 200).body.current,
        (current) => current.unknownCostLines === 1,
      );
      expect(after.marginMinor).toBe(before.marginMinor);
      expect(after.revenueMinor).toBeGreaterThan(before.revenueMinor);
      const byMargin = expectStatus(await get(a.owner.accessToken, `top-products?by=margin&limit=50&${period}`), 200).body;
      expect(byMargin.unknownCostLines).toBe(1);
      expect(byMargin.products.find((product: { productId: string }) => product.productId === uncosted.id)).toMatchObject({
        marginMinor: null,
        unknownCostLines: 1,
      });
      expect(byMargin.explanation).toMatch(/1 line/);
    });

    it("shows each shop only its own figures (B sees nothing of A's sales)", async () => {
      const mine = expectStatus(await get(a.apiKey, 'top-products?from=2026-03-01&to=2026-11-30'), 200);
      const theirs = expectStatus(await get(b.owner.accessToken, 'top-products?from=2026-03-01&to=2026-11-30'), 200);
      expect(mine.status).toBe(200);
      expect(theirs.body.products).toEqual([]);
      const summary = expectStatus(await get(b.owner.accessToken, 'summary?from=2026-03-01&to=2026-11-30'), 200).body;
      expect(summary.current).toMatchObject({ revenueMinor: 0, transactions: 0 });
      const aIds = [...products.map((product) => product.id), ...a.stores.map((store) => store.id)];
      for (const route of ROUTES) {
        for (const token of [b.owner.accessToken, b.apiKey]) {
          const text = JSON.stringify(expectStatus(await get(token, `${route}?from=2026-03-01&to=2026-11-30`), 200).body);
          expect([route, aIds.filter((id) => text.includes(id))]).toEqual([route, []]);
        }
      }
    });

    it("shows a store-limited manager only their stores' figures, and 404 for another store", async () => {
      const manager = await addUser(api.app, a, a.owner.accessToken, {
        name: 'Dock Manager',
        email: `dock@${a.slug}.test`,
        role: 'manager',
        storeIds: [a.stores[1].id],
      });
      const all = expectStatus(await get(a.owner.accessToken, 'summary?from=2026-03-01&to=2026-11-30'), 200).body.current;
      const dock = expectStatus(await get(a.owner.accessToken, `summary?from=2026-03-01&to=2026-11-30&storeId=${a.stores[1].id}`), 200).body.current;
      const seen = expectStatus(await get(manager.accessToken, 'summary?from=2026-03-01&to=2026-11-30'), 200).body.current;
      expect(seen).toEqual(dock);
      expect(seen.revenueMinor).not.toBe(all.revenueMinor);
      const other = await get(manager.accessToken, `summary?storeId=${a.stores[0].id}`);
      expect(other.status).toBe(404);
      expect(other.body.errors[0].field).toBe('storeId');
    });

    /** Periods whose ends cut months (DST days, a single day, a whole year, up to today). */
    const periodsCuttingMonths = () => {
      const today = localDay(new Date().toISOString());
      return [
        ['2026-03-29', '2026-10-24'],
        ['2026-03-01', '2026-06-10'],
        ['2026-06-11', today],
        ['2026-01-01', '2026-12-31'],
        ['2026-03-30', '2026-03-30'],
        ['2026-02-01', '2026-03-31'],
      ];
    };

    it('answers top products and customers over periods that cut months as the daily rollups add up', async () => {
      const today = localDay(new Date().toISOString());
      const periods = periodsCuttingMonths();
      for (const [from, to] of periods) {
        // Margin as analytics.md defines it: over lines with a cost snapshot, null when the product has none in the period.
        const daily = await ownerQuery<{ productId: string; revenue: string; quantity: string; margin: string | null; unknown: number }>(
          api,
          `SELECT product_id AS "productId", sum(revenue_minor) AS revenue, sum(quantity) AS quantity, sum(unknown_cost_lines)::int AS unknown,
                  CASE WHEN sum(unknown_cost_lines) > 0 AND sum(costed_revenue_minor) = 0 AND sum(cost_minor) = 0 THEN NULL
                       ELSE sum(costed_revenue_minor - cost_minor) END AS margin
             FROM analytics_daily_product WHERE tenant_id = $1 AND day BETWEEN $2 AND $3 GROUP BY product_id`,
          [a.id, from, to],
        );
        const answer = expectStatus(await get(a.owner.accessToken, `top-products?from=${from}&to=${to}&limit=200`), 200).body;
        const figures = (
          answer.products as { productId: string; revenueMinor: number; quantity: number; marginMinor: number | null; unknownCostLines: number }[]
        ).map((product) => [product.productId, product.revenueMinor, product.quantity, product.marginMinor, product.unknownCostLines]);
        const expected = daily.map((row) => [
          row.productId,
          Number(row.revenue),
          Number(row.quantity),
          row.margin === null ? null : Number(row.margin),
          row.unknown,
        ]);
        expect([from, to, figures.sort()]).toEqual([from, to, expected.sort()]);
      }
      // Lifetime value: all history (from the per-customer totals), a period holding every sale (also), and periods that cut it.
      for (const [from, to] of [[null, today], ['2026-01-01', '2026-12-31'], ...periods]) {
        const daily = await ownerQuery<{ customerId: string; orders: number; revenue: string; firstDay: string; lastDay: string }>(
          api,
          `SELECT customer_id AS "customerId", sum(orders)::int AS orders, sum(revenue_minor) AS revenue,
                  to_char(min(day) FILTER (WHERE orders > 0), 'YYYY-MM-DD') AS "firstDay", to_char(max(day) FILTER (WHERE orders > 0), 'YYYY-MM-DD') AS "lastDay"
             FROM analytics_customer_day WHERE tenant_id = $1 AND day BETWEEN coalesce($2::date, '-infinity') AND $3 GROUP BY customer_id HAVING sum(orders) > 0`,
          [a.id, from, to],
        );
        const answer = expectStatus(await get(a.owner.accessToken, `customers?${from ? `from=${from}&` : ''}to=${to}&limit=200`), 200).body;
        const figures = (answer.customers as { customerId: string; orders: number; historicMinor: number; firstPurchase: string; lastPurchase: string }[]).map(
          (customer) => [customer.customerId, customer.orders, customer.historicMinor, customer.firstPurchase, customer.lastPurchase],
        );
        const expected = daily.map((row) => [row.customerId, row.orders, Number(row.revenue), row.firstDay, row.lastDay]);
        expect([from, to, figures.sort()]).toEqual([from, to, expected.sort()]);
      }
    });

    it('answers baskets and velocity over periods that cut months as the daily rollups add up', async () => {
      const periods = [...periodsCuttingMonths(), ['2026-06-02', '2026-10-30']];
      for (const [from, to] of periods) {
        const sum = async (sql: string) => Number((await ownerQuery<{ sum: string | null }>(api, sql, [a.id, from, to]))[0].sum ?? 0);
        const baskets = await sum(`SELECT sum(transactions) FROM analytics_hourly_store WHERE tenant_id = $1 AND day BETWEEN $2 AND $3`);
        const single = await ownerQuery<{ productId: string; count: number }>(
          api,
          `SELECT product_id AS "productId", sum(transactions)::int AS count FROM analytics_daily_product WHERE tenant_id = $1 AND day BETWEEN $2 AND $3 GROUP BY 1`,
          [a.id, from, to],
        );
        const pairs = await ownerQuery<{ productA: string; productB: string; count: number }>(
          api,
          `SELECT product_a AS "productA", product_b AS "productB", sum(baskets)::int AS count FROM analytics_basket_pair
            WHERE tenant_id = $1 AND day BETWEEN $2 AND $3 GROUP BY 1, 2`,
          [a.id, from, to],
        );
        const expected = scoreBasketPairs({ baskets, single: new Map(single.map((row) => [row.productId, row.count])), pairs }, { minCount: 1, limit: 200 });
        const answer = expectStatus(await get(a.owner.accessToken, `baskets?from=${from}&to=${to}&minCount=1&limit=200`), 200).body;
        const figures = (found: BasketPair[]) =>
          found.map((pair) => [pair.productA, pair.productB, pair.count, pair.support, pair.confidenceAToB, pair.confidenceBToA, pair.lift]);
        expect([from, to, answer.baskets, figures(answer.pairs)]).toEqual([from, to, expected.baskets, figures(expected.pairs)]);

        const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
        const sold = await ownerQuery<{ productId: string; quantity: string; revenue: string }>(
          api,
          `SELECT product_id AS "productId", sum(quantity) AS quantity, sum(revenue_minor) AS revenue FROM analytics_daily_product
            WHERE tenant_id = $1 AND day BETWEEN $2 AND $3 GROUP BY 1`,
          [a.id, from, to],
        );
        const velocity = expectStatus(await get(a.owner.accessToken, `velocity?from=${from}&to=${to}&limit=200`), 200).body;
        const rates = (velocity.products as { productId: string; unitsPerDay: number; revenuePerDayMinor: number }[]).map((product) => [
          product.productId,
          product.unitsPerDay,
          product.revenuePerDayMinor,
        ]);
        expect([from, to, rates.sort()]).toEqual([
          from,
          to,
          sold.map((row) => [row.productId, Number(row.quantity) / days, Number(row.revenue) / days]).sort(),
        ]);
      }
    });

    it('keeps cashiers out (analytics:read is for owners and managers)', async () => {
      const response = await get(a.cashier.accessToken, 'summary');
      expect(response.status).toBe(403);
      expect(response.body.code).toBe(ErrorCode.Forbidden);
      expectStatus(await get(a.manager.accessToken, 'summary'), 200);
    });

    it('refuses bad input with a 4xx naming the field', async () => {
      const cases: [string, string][] = [
        ['summary?from=2026-02-30', 'from'],
        ['summary?from=2026-05-01&to=2026-04-01', 'from'],
        ['summary?from=2020-01-01&to=2026-01-01', 'from'],
        ['trend?metric=profit', 'metric'],
        ['forecast?horizon=0', 'horizon'],
        ['forecast?horizon=many', 'horizon'],
        ['anomalies?threshold=-1', 'threshold'],
        ['anomalies?method=magic', 'method'],
        ['top-products?by=color', 'by'],
        ['baskets?minCount=0', 'minCount'],
        ['summary?storeId=not-a-uuid', 'storeId'],
        ['export?report=summary&format=pdf', 'format'],
        ['export?report=everything&format=csv', 'report'],
      ];
      for (const [path, field] of cases) {
        const response = await get(a.owner.accessToken, path);
        expect([path, response.status]).toEqual([path, 400]);
        expect([path, [...new Set(response.body.errors.map((error: { field: string }) => error.field))]]).toEqual([path, [field]]);
      }
    });

    it("answers from the tenant cache by the caller's stores, and shows a new sale once its rollups commit", async () => {
      const redis = new Redis(TEST_REDIS_URL);
      const generation = async (shop: TenantFixture) => Number((await redis.get(`${api.redisPrefix}t:{${shop.id}}:analytics:gen`)) ?? 0);
      try {
        const [, dock] = a.stores;
        const manager = await addUser(api.app, a, a.owner.accessToken, {
          name: 'Cached Dock Manager',
          email: `cached-dock@${a.slug}.test`,
          role: 'manager',
          storeIds: [dock.id],
        });
        const today = localDay(new Date().toISOString());
        const summary = async (token: string, extra = '') => expectStatus(await get(token, `summary?from=2026-03-01&to=${today}${extra}`), 200).body.current;
        // The owner's all-stores answer is cached first; the manager asking the same question must not get it.
        const all = await summary(a.owner.accessToken);
        expect(await summary(a.owner.accessToken)).toEqual(all);
        const seen = await summary(manager.accessToken);
        expect(seen).toEqual(await summary(a.owner.accessToken, `&storeId=${dock.id}`));
        expect(seen.revenueMinor).not.toBe(all.revenueMinor);
        expect(await summary(manager.accessToken)).toEqual(seen);
        const before = { a: await generation(a), b: await generation(b) };
        const entries = await redis.keys(`${api.redisPrefix}t:{${a.id}}:analytics:${before.a}:*`);
        expect(entries.filter((key) => !key.endsWith(':lock')).length).toBeGreaterThanOrEqual(3);

        expectStatus(
          await sell(a.owner.accessToken, {
            storeId: dock.id,
            lines: [{ productId: products[0].id, quantity: 2 }],
            tenders: [{ type: 'card', amountMinor: 500 }],
          }),
          201,
        );
        // The rollup consumer bumps the generation once its transaction has committed: from then on, no stale answer.
        await eventually(
          () => generation(a),
          (now) => now > before.a,
        );
        const after = await summary(manager.accessToken);
        expect(after.transactions).toBe(seen.transactions + 1);
        expect(after.revenueMinor).toBeGreaterThan(seen.revenueMinor);
        expect((await summary(a.owner.accessToken)).transactions).toBe(all.transactions + 1);
        expect(await generation(b)).toBe(before.b);
      } finally {
        redis.disconnect();
      }
    });

    it('answers cached reports before the tenant transaction, a store-limited manager their own, and none stale after a sale', async () => {
      const [, dock] = a.stores;
      const manager = await addUser(api.app, a, a.owner.accessToken, {
        name: 'Early Dock Manager',
        email: `early-dock@${a.slug}.test`,
        role: 'manager',
        storeIds: [dock.id],
      });
      const transactions = spyOnRequestTransactions();
      const read = async (token: string, path: string) => {
        transactions.mockClear();
        const body = expectStatus(await get(token, path), 200).body;
        return { body, transactions: transactions.mock.calls.length };
      };
      try {
        const paths = [
          'summary',
          'trend?metric=quantity',
          'forecast?horizon=7',
          'seasonality?from=2026-03-01',
          'anomalies?method=robust&threshold=2.5',
          'top-products?by=margin&limit=5',
          'baskets?minCount=1',
          'customers',
          `summary?storeId=${dock.id}&from=2026-03-01`,
        ];
        for (const path of paths) {
          const first = await read(a.owner.accessToken, path);
          // The shop's settings (its "today") and the answer are in the cache: no transaction at all, the same body.
          expect([path, await read(a.owner.accessToken, path)]).toEqual([path, { body: first.body, transactions: 0 }]);
        }
        // The same question from a store-limited manager: their own entry, their store's figures.
        const owners = (await read(a.owner.accessToken, 'summary')).body;
        const dockOnly = (await read(a.owner.accessToken, `summary?storeId=${dock.id}`)).body;
        const first = await read(manager.accessToken, 'summary');
        await read(manager.accessToken, 'summary');
        // The same figures as the owner's answer for the dock (which names the store it was asked for).
        expect({ ...first.body, storeId: dock.id }).toEqual(dockOnly);
        expect(first.body.current.revenueMinor).not.toBe(owners.current.revenueMinor);
        expect(await read(manager.accessToken, 'summary')).toEqual({ body: first.body, transactions: 0 });
        // Another store is refused as before, never answered from the cache.
        expect((await get(manager.accessToken, `summary?storeId=${a.stores[0].id}`)).status).toBe(404);

        const redis = new Redis(TEST_REDIS_URL);
        try {
          const generation = async () => Number((await redis.get(`${api.redisPrefix}t:{${a.id}}:analytics:gen`)) ?? 0);
          const before = await generation();
          expectStatus(
            await sell(a.owner.accessToken, {
              storeId: dock.id,
              lines: [{ productId: products[0].id, quantity: 1 }],
              tenders: [{ type: 'card', amountMinor: 250 }],
            }),
            201,
          );
          await eventually(generation, (now) => now > before);
        } finally {
          redis.disconnect();
        }
        // Stale at once: the next read goes to the database and shows the sale.
        const after = await read(manager.accessToken, 'summary');
        expect(after.transactions).toBeGreaterThan(0);
        expect(after.body.current.transactions).toBe(first.body.current.transactions + 1);
      } finally {
        transactions.mockRestore();
      }
    });

    // Runs last: it gives shop B sales of its own.
    it('ranks basket pairs by lift equal to the hand-computed values', async () => {
      const item = async (name: string) => ({ name, ...(await newProduct(b, { name, priceMinor: 100, trackStock: false })) });
      const [bread, butter, milk, jam] = await Promise.all(['Bread', 'Butter', 'Milk', 'Jam'].map(item));
      // 6 baskets: bread+butter in 3 of them (each in 3): lift 3·6/(3·3) = 2; jam+milk in 1 (each in 3): lift 6/9 = 2/3.
      const baskets = [[bread, butter], [bread, butter, milk], [milk], [jam], [bread, butter, jam], [milk, jam]];
      for (const basket of baskets) {
        expectStatus(
          await sell(b.owner.accessToken, {
            storeId: b.stores[0].id,
            lines: basket.map((product) => ({ productId: product.id, quantity: 1 })),
            tenders: [{ type: 'card', amountMinor: 100 * basket.length }],
          }),
          201,
        );
      }
      // A sale's refresh reads its facts in one snapshot and writes every rollup table in one transaction, so once the
      // per-product figures hold all six sales (the consumer has caught up), the basket pairs hold exactly them too.
      await eventually(
        async () => expectStatus(await get(b.owner.accessToken, 'top-products?by=quantity&limit=10'), 200).body.products,
        (products: { quantity: number }[]) => products.length === 4 && products.every((product) => product.quantity === 3),
      );
      const answer = expectStatus(await get(b.owner.accessToken, 'baskets?minCount=1'), 200).body;
      expect(answer.baskets).toBe(6);
      expect(answer.pairs).toHaveLength(6);
      expect(answer.pairs.reduce((sum: number, found: { count: number }) => sum + found.count, 0)).toBe(8);
      const pair = (x: { id: string }, y: { id: string }) =>
        answer.pairs.find((found: { productA: string; productB: string }) => [found.productA, found.productB].sort().join() === [x.id, y.id].sort().join());
      expect(answer.pairs[0]).toEqual(pair(bread, butter));
      expect(pair(bread, butter)).toMatchObject({ count: 3, support: 0.5, confidenceAToB: 1, confidenceBToA: 1, lift: 2 });
      expect(pair(jam, milk).lift).toBeCloseTo(2 / 3, 12);
      expect(answer.explanation).toMatch(/Strongest pair in 6 baskets: (Bread|Butter) is in 100% of the baskets with (Bread|Butter), 2\.00× as often/);
      expect(expectStatus(await get(b.owner.accessToken, 'baskets'), 200).body.pairs).toEqual([pair(bread, butter)]);
    });

    it('exports each report as CSV and as xlsx', async () => {
      for (const report of ROUTES) {
        const csv = await get(a.owner.accessToken, `export?report=${report}&format=csv&from=2026-03-01&to=2026-11-30`);
        expect([report, csv.status, csv.headers['content-type']]).toEqual([report, 200, 'text/csv; charset=utf-8']);
        expect(csv.text.split('\r\n')[0].length).toBeGreaterThan(0);
      }
      const summary = await get(a.owner.accessToken, 'export?report=summary&format=csv&from=2026-03-01&to=2026-11-30');
      expect(summary.text).toMatch(/^period,from,to,revenue,transactions/);
      const xlsx = await get(a.owner.accessToken, 'export?report=top-products&format=xlsx&from=2026-03-01&to=2026-11-30')
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(xlsx.status).toBe(200);
      expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    });
  });
});
