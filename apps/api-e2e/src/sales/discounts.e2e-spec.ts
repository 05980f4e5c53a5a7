import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';
import { tillSession } from '../support/till';
import { salesFixtures } from './sales-fixtures';

describe('discounts', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const { newProduct, receive, onHand, newPosRegister, sell } = salesFixtures(() => api);

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  const setLimits = async (shop: TenantFixture, discountLimitBps: object) =>
    expectStatus(await http().patch('/api/v1/tenant').set(bearer(shop.owner.accessToken)).send({ discountLimitBps }), 200).body;

  /** A 10.00 item in stock in the shop's first store. */
  const stocked = async (shop: TenantFixture) => {
    const product = await newProduct(shop, { priceMinor: 1_000 });
    await receive(shop, shop.stores[0].id, product.id, 20);
    return product;
  };

  const saleOf = (shop: TenantFixture, productId: string, totalMinor: number, extra: { line?: object; sale?: object } = {}) => ({
    id: uuidv7(),
    storeId: shop.stores[0].id,
    lines: [{ productId, quantity: 1, ...extra.line }],
    tenders: [{ type: 'cash', amountMinor: Math.max(totalMinor, 1) }],
    ...extra.sale,
  });

  const refusal = (response: request.Response) => [
    response.status,
    response.body.code,
    [...new Set(response.body.errors?.map((error: { field: string }) => error.field))],
  ];

  const newApiKey = async (shop: TenantFixture, permissions: string[]) =>
    expectStatus(
      await http()
        .post('/api/v1/api-keys')
        .set(bearer(shop.owner.accessToken))
        .send({ name: `Key ${uuidv7().slice(-6)}`, permissions }),
      201,
    ).body;

  const auditOf = async (shop: TenantFixture, saleId: string) =>
    expectStatus(await http().get(`/api/v1/audit-logs?entityType=sale&entityId=${saleId}&action=create`).set(bearer(shop.owner.accessToken)), 200).body.items;

  describe('the shop setting', () => {
    it('starts at 10000 bps for managers and 0 for cashiers, and changes one limit at a time, audited', async () => {
      expect(expectStatus(await http().get('/api/v1/tenant').set(bearer(b.cashier.accessToken)), 200).body.discountLimitBps).toEqual({
        manager: 10_000,
        cashier: 0,
      });
      const shop = await setLimits(b, { cashier: 300 });
      expect(shop.discountLimitBps).toEqual({ manager: 10_000, cashier: 300 });
      expect((await setLimits(b, { manager: 2_500 })).discountLimitBps).toEqual({ manager: 2_500, cashier: 300 });
      const audit = expectStatus(await http().get(`/api/v1/audit-logs?entityType=tenant&entityId=${b.id}`).set(bearer(b.owner.accessToken)), 200).body.items;
      expect(audit[0].changes.discountLimitBps).toEqual([
        { manager: 10_000, cashier: 300 },
        { manager: 2_500, cashier: 300 },
      ]);
      await setLimits(b, { manager: 10_000, cashier: 0 });
    });

    it('refuses limits outside 0–10000 bps, of the wrong type or shape, naming the field', async () => {
      const cases: [unknown, string][] = [
        [{ cashier: 10_001 }, 'discountLimitBps.cashier'],
        [{ cashier: -1 }, 'discountLimitBps.cashier'],
        [{ manager: 12.5 }, 'discountLimitBps.manager'],
        [{ manager: '500' }, 'discountLimitBps.manager'],
        [{ manager: null }, 'discountLimitBps.manager'],
        [{ owner: 0 }, 'discountLimitBps.owner'],
        [null, 'discountLimitBps'],
        [500, 'discountLimitBps'],
        [[500, 0], 'discountLimitBps'],
      ];
      for (const [discountLimitBps, field] of cases) {
        const response = await http().patch('/api/v1/tenant').set(bearer(a.owner.accessToken)).send({ discountLimitBps });
        expect([JSON.stringify(discountLimitBps), ...refusal(response)]).toEqual([
          JSON.stringify(discountLimitBps),
          400,
          ErrorCode.ValidationFailed,
          expect.arrayContaining([field]),
        ]);
      }
      const byManager = await http()
        .patch('/api/v1/tenant')
        .set(bearer(a.manager.accessToken))
        .send({ discountLimitBps: { cashier: 10_000 } });
      expect(byManager.status).toBe(403);
      expect(expectStatus(await http().get('/api/v1/tenant').set(bearer(a.owner.accessToken)), 200).body.discountLimitBps).toEqual({
        manager: 10_000,
        cashier: 0,
      });
    });
  });

  describe('online', () => {
    it("refuses a cashier's 100 % line discount with discount_forbidden naming the line, and writes no sale, ledger row or event", async () => {
      await setLimits(a, { manager: 10_000, cashier: 0 });
      const product = await stocked(a);
      const body = saleOf(a, product.id, 0, { line: { discount: { percentBps: 10_000 } } });
      const response = await sell(a.cashier.accessToken, body);
      expect(refusal(response)).toEqual([403, ErrorCode.DiscountForbidden, ['lines.0.discount']]);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(await ownerQuery(api, `SELECT id FROM sale WHERE id = $1`, [body.id])).toEqual([]);
      expect(await ownerQuery(api, `SELECT id FROM stock_ledger WHERE reference_id = $1`, [body.id])).toEqual([]);
      expect(await ownerQuery(api, `SELECT id FROM outbox_event WHERE aggregate_id = $1`, [body.id])).toEqual([]);
      expect(await onHand(a, a.stores[0].id, product.id)).toBe(20);
    });

    it("refuses a cashier's sale discount of 999 on a 1,000 item, naming the sale discount", async () => {
      const product = await stocked(a);
      const response = await sell(a.cashier.accessToken, saleOf(a, product.id, 1, { sale: { discount: { amountMinor: 999 } } }));
      expect(refusal(response)).toEqual([403, ErrorCode.DiscountForbidden, ['discount']]);
      expect(await onHand(a, a.stores[0].id, product.id)).toBe(20);
    });

    it('holds an API key without sales:discount to the cashier limit and one with it to the manager limit', async () => {
      await setLimits(a, { manager: 2_000, cashier: 0 });
      const product = await stocked(a);
      const sellOnly = await newApiKey(a, ['sales:create']);
      const discounting = await newApiKey(a, ['sales:create', 'sales:discount']);
      const tenPercent = saleOf(a, product.id, 900, { line: { discount: { percentBps: 1_000 } } });
      expect(refusal(await sell(sellOnly.key, tenPercent))).toEqual([403, ErrorCode.DiscountForbidden, ['lines.0.discount']]);
      const sold = expectStatus(await sell(discounting.key, tenPercent), 201).body;
      expect(sold).toMatchObject({ discountMinor: 100, totalMinor: 900 });
      expect((await auditOf(a, sold.id))[0].metadata).toEqual({ discountGrantedBy: { type: 'api_key', id: discounting.id } });
      const thirty = saleOf(a, product.id, 700, { line: { discount: { percentBps: 3_000 } } });
      expect(refusal(await sell(discounting.key, thirty))).toEqual([403, ErrorCode.DiscountForbidden, ['lines.0.discount']]);
    });

    it('lets a manager discount up to the manager limit and no further, and names them as its grantor', async () => {
      await setLimits(a, { manager: 10_000, cashier: 0 });
      const product = await stocked(a);
      const half = expectStatus(await sell(a.manager.accessToken, saleOf(a, product.id, 500, { sale: { discount: { percentBps: 5_000 } } })), 201).body;
      expect(half).toMatchObject({ discountMinor: 500, totalMinor: 500, flags: [] });
      expect((await auditOf(a, half.id))[0]).toMatchObject({ actorId: a.manager.id, metadata: { discountGrantedBy: { type: 'user', id: a.manager.id } } });

      await setLimits(a, { manager: 2_000 });
      const thirty = await sell(a.manager.accessToken, saleOf(a, product.id, 700, { line: { discount: { percentBps: 3_000 } } }));
      expect(refusal(thirty)).toEqual([403, ErrorCode.DiscountForbidden, ['lines.0.discount']]);
      expectStatus(await sell(a.manager.accessToken, saleOf(a, product.id, 800, { line: { discount: { percentBps: 2_000 } } })), 201);
      expect(await onHand(a, a.stores[0].id, product.id)).toBe(18);
    });

    it('leaves the owner unlimited whatever the shop sets', async () => {
      await setLimits(a, { manager: 0, cashier: 0 });
      const product = await stocked(a);
      const free = expectStatus(await sell(a.owner.accessToken, saleOf(a, product.id, 0, { line: { discount: { percentBps: 10_000 } } })), 201).body;
      expect(free).toMatchObject({ discountMinor: 1_000, totalMinor: 0, changeDueMinor: 1 });
      expect((await auditOf(a, free.id))[0].metadata).toEqual({ discountGrantedBy: { type: 'user', id: a.owner.id } });
    });

    it('lets a cashier give 5 % once the cashier limit is 500 bps, and refuses 6 %', async () => {
      await setLimits(a, { manager: 10_000, cashier: 500 });
      const product = await stocked(a);
      const five = expectStatus(await sell(a.cashier.accessToken, saleOf(a, product.id, 950, { line: { discount: { percentBps: 500 } } })), 201).body;
      expect(five).toMatchObject({ discountMinor: 50, totalMinor: 950 });
      expect((await auditOf(a, five.id))[0].metadata).toEqual({ discountGrantedBy: { type: 'user', id: a.cashier.id } });
      const six = await sell(a.cashier.accessToken, saleOf(a, product.id, 940, { sale: { discount: { percentBps: 600 } } }));
      expect(refusal(six)).toEqual([403, ErrorCode.DiscountForbidden, ['discount']]);
      const fiftyOne = await sell(a.cashier.accessToken, saleOf(a, product.id, 949, { sale: { discount: { amountMinor: 51 } } }));
      expect(refusal(fiftyOne)).toEqual([403, ErrorCode.DiscountForbidden, ['discount']]);
    });

    it('counts line and sale discounts together against the limit', async () => {
      await setLimits(a, { manager: 10_000, cashier: 500 });
      const product = await stocked(a);
      const other = await stocked(a);
      const bothLines = (first: number, second: number) => ({
        id: uuidv7(),
        storeId: a.stores[0].id,
        lines: [
          { productId: product.id, quantity: 1, discount: { percentBps: first } },
          { productId: other.id, quantity: 1, discount: { percentBps: second } },
        ],
        tenders: [{ type: 'cash', amountMinor: 2_000 }],
      });
      // 3 % off the line (30) and then 3 % of the 970 left (29): 59 of 1,000 is beyond 5 %; the sale discount tipped it.
      const lineAndSale = await sell(
        a.cashier.accessToken,
        saleOf(a, product.id, 941, { line: { discount: { percentBps: 300 } }, sale: { discount: { percentBps: 300 } } }),
      );
      expect(refusal(lineAndSale)).toEqual([403, ErrorCode.DiscountForbidden, ['discount']]);
      // Line discounts beyond the limit on their own: every discounted line is named.
      expect(refusal(await sell(a.cashier.accessToken, bothLines(600, 600)))).toEqual([
        403,
        ErrorCode.DiscountForbidden,
        ['lines.0.discount', 'lines.1.discount'],
      ]);
      // 3 % (30) and then 2 % of 970 (19): 49 of 1,000 is within.
      const within = expectStatus(
        await sell(a.cashier.accessToken, saleOf(a, product.id, 951, { line: { discount: { percentBps: 300 } }, sale: { discount: { percentBps: 200 } } })),
        201,
      ).body;
      expect(within).toMatchObject({ discountMinor: 49, totalMinor: 951 });
      // 10 % on one of two equal lines is 5 % of the sale's gross.
      expectStatus(await sell(a.cashier.accessToken, bothLines(1_000, 0)), 201);
    });
  });

  describe('offline', () => {
    it("records a cashier's offline 50 % discount as rung up, flagged discount_unapproved and listed for review", async () => {
      await setLimits(a, { manager: 10_000, cashier: 0 });
      const product = await stocked(a);
      const registerId = await newPosRegister(a, a.stores[0].id);
      const till = await tillSession(api.app, a, { user: a.cashier, registerId });
      const rungUp = saleOf(a, product.id, 500, {
        sale: { registerId, receiptNumber: 1, offline: true, discount: { percentBps: 5_000 }, occurredAt: new Date(Date.now() - 600_000).toISOString() },
      });
      const sale = expectStatus(await sell(till.accessToken, rungUp), 201).body;
      expect(sale).toMatchObject({ offline: true, discountMinor: 500, totalMinor: 500, flags: ['discount_unapproved'] });
      expect(await onHand(a, a.stores[0].id, product.id)).toBe(19);
      const open = expectStatus(await http().get(`/api/v1/sales/reconciliation?storeId=${a.stores[0].id}`).set(bearer(a.manager.accessToken)), 200).body.items;
      expect(open.filter((item: { id: string }) => item.id === sale.id)).toEqual([expect.objectContaining({ flags: ['discount_unapproved'] })]);
      expect((await auditOf(a, sale.id))[0].metadata).toEqual({ discountGrantedBy: { type: 'user', id: a.cashier.id } });

      const within = saleOf(a, product.id, 1_000, { sale: { registerId, receiptNumber: 2, offline: true } });
      expect(expectStatus(await sell(till.accessToken, within), 201).body.flags).toEqual([]);
    });
  });

  it("keeps one shop's discount limits out of another's sales", async () => {
    await setLimits(a, { manager: 10_000, cashier: 10_000 });
    expectStatus(await sell(a.cashier.accessToken, saleOf(a, (await stocked(a)).id, 500, { line: { discount: { percentBps: 5_000 } } })), 201);
    expect(expectStatus(await http().get('/api/v1/tenant').set(bearer(b.owner.accessToken)), 200).body.discountLimitBps).toEqual({
      manager: 10_000,
      cashier: 0,
    });
    const theirs = await stocked(b);
    const refused = await sell(b.cashier.accessToken, saleOf(b, theirs.id, 500, { line: { discount: { percentBps: 5_000 } } }));
    expect(refusal(refused)).toEqual([403, ErrorCode.DiscountForbidden, ['lines.0.discount']]);
    await setLimits(a, { manager: 10_000, cashier: 0 });
  });
});
