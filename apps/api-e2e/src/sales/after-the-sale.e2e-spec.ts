import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { eventually } from '@kassa/testing';
import { bearer, createTenant, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';
import { tillSession } from '../support/till';
import { salesFixtures } from './sales-fixtures';

/** The instant a local wall-clock time of `day` (YYYY-MM-DD) is in `timeZone`. */
function localInstant(day: string, time: string, timeZone: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const shown = new Date(guess.toLocaleString('en-US', { timeZone }));
  const asUtc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }));
  return new Date(guess.getTime() - (shown.getTime() - asUtc.getTime()));
}

const localDay = (instant: Date, timeZone: string) => instant.toLocaleDateString('en-CA', { timeZone });

describe('after the sale', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const { newProduct, receive, onHand, newPosRegister, sell } = salesFixtures(() => api);

  beforeAll(async () => {
    api = await startTestApi({ env: { OUTBOX_POLL_MS: '200' } });
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  const refund = (shop: TenantFixture, saleId: string, body: object, token = shop.manager.accessToken) =>
    http().post(`/api/v1/sales/${saleId}/refunds`).set(bearer(token)).send(body);

  it('refunds 2 of 3 units: 2 restocked, two thirds of the line back to the cent, one sale.refunded; then refuses more than is left', async () => {
    const store = a.stores[0].id;
    const product = await newProduct(a, { priceMinor: 333, taxRateBps: 1900 });
    await receive(a, store, product.id, 3);
    const sale = expectStatus(
      await sell(a.manager.accessToken, {
        storeId: store,
        lines: [{ productId: product.id, quantity: 3, discount: { percentBps: 1000 } }],
        tenders: [{ type: 'card', amountMinor: 899 }],
      }),
      201,
    ).body;
    expect(sale.totalMinor).toBe(899); // 9.99 less 10 %, rounded half-even once
    const line = sale.lines[0];

    const refunded = expectStatus(
      await refund(a, sale.id, {
        lines: [{ saleLineId: line.id, quantity: 2, restock: true }],
        tenders: [{ type: 'card', amountMinor: 599 }],
        reason: 'Too many',
      }),
      201,
    ).body;
    // 899 × 2/3 = 599.33 → 599; tax 144 × 2/3 = 96.
    expect(refunded).toMatchObject({
      totalMinor: 599,
      taxMinor: 96,
      lines: [{ saleLineId: line.id, quantity: 2, restock: true, amountMinor: 599, taxMinor: 96 }],
    });
    expect(await onHand(a, store, product.id)).toBe(2);

    const tooMany = await refund(a, sale.id, {
      lines: [{ saleLineId: line.id, quantity: 2, restock: true }],
      tenders: [{ type: 'card', amountMinor: 300 }],
      reason: 'Again',
    });
    expect([tooMany.status, tooMany.body.code, tooMany.body.errors?.[0]?.field]).toEqual([409, ErrorCode.RefundExceedsRemaining, 'lines.0.quantity']);
    const mismatch = await refund(a, sale.id, {
      lines: [{ saleLineId: line.id, quantity: 1, restock: false }],
      tenders: [{ type: 'card', amountMinor: 299 }],
      reason: 'Last one',
    });
    expect([mismatch.status, mismatch.body.code, mismatch.body.errors?.[0]?.field]).toEqual([422, ErrorCode.RefundTenderMismatch, 'tenders']);

    const events = await eventually(
      async () => expectStatus(await http().get('/api/v1/events?types=sale.refunded').set(bearer(a.apiKey)), 200).body.items,
      (items: { aggregateId: string }[]) => items.some((event) => event.aggregateId === sale.id),
    );
    expect(events.filter((event: { aggregateId: string }) => event.aggregateId === sale.id)).toHaveLength(1);
    const list = expectStatus(await http().get(`/api/v1/sales/${sale.id}/refunds`).set(bearer(a.cashier.accessToken)), 200).body.items;
    expect(list.map((item: { id: string }) => item.id)).toEqual([refunded.id]);
    const audit = expectStatus(await http().get(`/api/v1/audit-logs?entityId=${sale.id}&action=refund`).set(bearer(a.owner.accessToken)), 200).body.items;
    expect(audit).toHaveLength(1);
    expect(
      (
        await refund(
          a,
          sale.id,
          { lines: [{ saleLineId: line.id, quantity: 1, restock: false }], tenders: [{ type: 'cash', amountMinor: 300 }], reason: 'x' },
          a.cashier.accessToken,
        )
      ).status,
    ).toBe(403);
  });

  it("records a till's refund once under its client id, with when it happened, the drawer that paid out and the offline mark", async () => {
    const store = a.stores[0].id;
    const product = await newProduct(a, { priceMinor: 500 });
    await receive(a, store, product.id, 5);
    const till = await tillSession(api.app, a, { user: a.manager });
    const sale = expectStatus(
      await sell(till.accessToken, {
        storeId: store,
        registerId: till.registerId,
        receiptNumber: 1,
        lines: [{ productId: product.id, quantity: 2 }],
        tenders: [{ type: 'cash', amountMinor: 1000 }],
      }),
      201,
    ).body;
    const body = {
      id: uuidv7(),
      lines: [{ saleLineId: sale.lines[0].id, quantity: 1, restock: true }],
      tenders: [{ type: 'cash', amountMinor: 500 }],
      reason: 'Changed their mind',
      occurredAt: '2026-11-29T10:00:00.000Z',
      offline: true,
      registerId: till.registerId,
    };
    const first = expectStatus(await refund(a, sale.id, body, till.accessToken), 201).body;
    expect(first).toMatchObject({ id: body.id, occurredAt: '2026-11-29T10:00:00.000Z', offline: true, registerId: till.registerId, totalMinor: 500 });
    const again = expectStatus(await refund(a, sale.id, body, till.accessToken), 201).body;
    expect(again).toEqual(first);
    expect(await onHand(a, store, product.id)).toBe(4);
    expect(expectStatus(await http().get(`/api/v1/sales/${sale.id}/refunds`).set(bearer(a.manager.accessToken)), 200).body.items).toHaveLength(1);

    const different = await refund(a, sale.id, { ...body, reason: 'Something else' }, till.accessToken);
    expect([different.status, different.body.code, different.body.errors[0].field]).toEqual([422, ErrorCode.IdempotencyKeyReused, 'id']);
    const notFromTill = await refund(a, sale.id, { ...body, id: uuidv7() });
    expect([notFromTill.status, notFromTill.body.code]).toEqual([403, ErrorCode.OfflineSaleForbidden]);
    const otherStore = await newPosRegister(a, a.stores[1].id);
    const elsewhere = await refund(a, sale.id, { ...body, id: uuidv7(), offline: false, registerId: otherStore });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([404, ErrorCode.RegisterNotFound]);
    // Online and without a register, the sale's own drawer pays out.
    const plain = expectStatus(await refund(a, sale.id, { lines: body.lines, tenders: body.tenders, reason: 'Second unit' }), 201).body;
    expect(plain).toMatchObject({ offline: false, registerId: till.registerId });
  });

  it('lets exactly one of two concurrent refunds of the last unit through', async () => {
    const store = a.stores[0].id;
    const product = await newProduct(a, { priceMinor: 250 });
    await receive(a, store, product.id, 1);
    const sale = expectStatus(
      await sell(a.cashier.accessToken, { storeId: store, lines: [{ productId: product.id, quantity: 1 }], tenders: [{ type: 'cash', amountMinor: 250 }] }),
      201,
    ).body;
    const body = { lines: [{ saleLineId: sale.lines[0].id, quantity: 1, restock: true }], tenders: [{ type: 'cash', amountMinor: 250 }], reason: 'Returned' };
    const results = await Promise.all([refund(a, sale.id, body), refund(a, sale.id, body), refund(a, sale.id, body)]);
    expect(results.map((response) => response.status).sort()).toEqual([201, 409, 409]);
    expect(await onHand(a, store, product.id)).toBe(1);
  });

  it('voids a sale of the day and restocks every line; refuses a second void and a refund after it', async () => {
    const store = a.stores[0].id;
    const [first, second] = [await newProduct(a), await newProduct(a)];
    await receive(a, store, first.id, 5);
    await receive(a, store, second.id, 5);
    const sale = expectStatus(
      await sell(a.cashier.accessToken, {
        storeId: store,
        lines: [
          { productId: first.id, quantity: 2 },
          { productId: second.id, quantity: 1 },
          { productId: first.id, quantity: 1 },
        ],
        tenders: [{ type: 'card', amountMinor: 400 }],
      }),
      201,
    ).body;
    expect(await onHand(a, store, first.id)).toBe(2);
    expect((await http().post(`/api/v1/sales/${sale.id}/void`).set(bearer(a.cashier.accessToken)).send({ reason: 'Rung twice' })).status).toBe(403);
    const voided = expectStatus(await http().post(`/api/v1/sales/${sale.id}/void`).set(bearer(a.manager.accessToken)).send({ reason: 'Rung twice' }), 200).body;
    expect(voided).toMatchObject({ status: 'voided', voidReason: 'Rung twice', voidedAt: expect.any(String) });
    expect([await onHand(a, store, first.id), await onHand(a, store, second.id)]).toEqual([5, 5]);
    const again = await http().post(`/api/v1/sales/${sale.id}/void`).set(bearer(a.manager.accessToken)).send({ reason: 'Again' });
    expect([again.status, again.body.code]).toEqual([409, ErrorCode.SaleVoided]);
    const late = await refund(a, sale.id, {
      lines: [{ saleLineId: sale.lines[0].id, quantity: 1, restock: true }],
      tenders: [{ type: 'card', amountMinor: 100 }],
      reason: 'x',
    });
    expect([late.status, late.body.code]).toEqual([409, ErrorCode.SaleVoided]);
    await eventually(
      async () => expectStatus(await http().get('/api/v1/events?types=sale.voided').set(bearer(a.apiKey)), 200).body.items,
      (items: { aggregateId: string }[]) => items.some((event) => event.aggregateId === sale.id),
    );
    const audit = expectStatus(await http().get(`/api/v1/audit-logs?entityId=${sale.id}&action=void`).set(bearer(a.owner.accessToken)), 200).body.items;
    expect(audit).toHaveLength(1);
  });

  it("refuses a void once the shop's business day has turned, where UTC midnight falls inside that day", async () => {
    // In Los Angeles (PST) the business day starts at 08:00 UTC, so it spans a UTC midnight: a check on UTC
    // dates gets one of the two sales below wrong at any hour of the test run.
    const shop = await createTenant(api.app, 'Pacific');
    const timeZone = 'America/Los_Angeles';
    expectStatus(await http().patch('/api/v1/tenant').set(bearer(shop.owner.accessToken)).send({ timeZone }), 200);
    const store = shop.stores[0].id;
    const product = await newProduct(shop);
    const today = localDay(new Date(), timeZone);
    const dayStart = localInstant(today, '00:00', timeZone);
    const till = await tillSession(api.app, shop);
    let receipt = 0;
    const ringUp = async (occurredAt: Date) =>
      expectStatus(
        await sell(till.accessToken, {
          storeId: store,
          registerId: till.registerId,
          receiptNumber: ++receipt,
          lines: [{ productId: product.id, quantity: 1 }],
          tenders: [{ type: 'card', amountMinor: 100 }],
          occurredAt: occurredAt.toISOString(),
          offline: true,
        }),
        201,
      ).body.id;
    const lastNight = await ringUp(new Date(dayStart.getTime() - 60_000));
    const thisMorning = await ringUp(new Date(Math.min(dayStart.getTime() + 1000, Date.now())));
    const closed = await http().post(`/api/v1/sales/${lastNight}/void`).set(bearer(shop.owner.accessToken)).send({ reason: 'Too late' });
    expect([closed.status, closed.body.code]).toEqual([409, ErrorCode.VoidWindowClosed]);
    expectStatus(await http().post(`/api/v1/sales/${thisMorning}/void`).set(bearer(shop.owner.accessToken)).send({ reason: 'In time' }), 200);
  });

  it("sums a day's sales, refunds and voids in the shop's time zone, a sale at 23:30 local time included", async () => {
    const shop = await createTenant(api.app, 'Summary');
    const timeZone = 'Europe/Berlin';
    const store = shop.stores[1].id;
    const register = await newPosRegister(shop, store);
    const [food, book] = [await newProduct(shop, { priceMinor: 1190, taxRateBps: 700 }), await newProduct(shop, { priceMinor: 2000, taxRateBps: 1900 })];
    const yesterday = localDay(new Date(Date.now() - 86_400_000), timeZone);
    const till = await tillSession(api.app, shop, { storeId: store, registerId: register });
    let receipt = 0;
    const ringUp = async (occurredAt: Date, lines: object[], tenders: object[], discount?: object) =>
      expectStatus(
        await sell(till.accessToken, {
          storeId: store,
          registerId: register,
          receiptNumber: ++receipt,
          lines,
          tenders,
          discount,
          occurredAt: occurredAt.toISOString(),
          offline: true,
        }),
        201,
      ).body;
    const dayOf = [
      await ringUp(localInstant(yesterday, '00:05', timeZone), [{ productId: food.id, quantity: 2 }], [{ type: 'cash', amountMinor: 3000 }]),
      await ringUp(
        localInstant(yesterday, '12:00', timeZone),
        [
          { productId: food.id, quantity: 1 },
          { productId: book.id, quantity: 1 },
        ],
        [
          { type: 'card', amountMinor: 2590 },
          { type: 'cash', amountMinor: 500 },
        ],
        { percentBps: 500 },
      ),
      await ringUp(
        localInstant(yesterday, '23:30', timeZone),
        [{ productId: book.id, quantity: 3, discount: { amountMinor: 250 } }],
        [{ type: 'card', amountMinor: 5750 }],
      ),
    ];
    // Just after the day ends, and a sale of another store: neither belongs to the store's day.
    const nextDay = await ringUp(
      new Date(localInstant(yesterday, '23:59', timeZone).getTime() + 120_000),
      [{ productId: book.id, quantity: 1 }],
      [{ type: 'card', amountMinor: 2000 }],
    );
    const otherStoreTill = await tillSession(api.app, shop);
    expectStatus(
      await sell(otherStoreTill.accessToken, {
        storeId: shop.stores[0].id,
        registerId: otherStoreTill.registerId,
        receiptNumber: 1,
        lines: [{ productId: food.id, quantity: 1 }],
        tenders: [{ type: 'card', amountMinor: 1190 }],
        offline: true,
        occurredAt: localInstant(yesterday, '10:00', timeZone).toISOString(),
      }),
      201,
    );

    const summaryOf = async (day: string) =>
      expectStatus(await http().get(`/api/v1/sales/summary?storeId=${store}&day=${day}`).set(bearer(shop.owner.accessToken)), 200).body;
    const sum = (sales: { [key: string]: number }[], field: string) => sales.reduce((total, sale) => total + sale[field], 0);
    const expectedTaxByRate = (sales: { lines: { taxRateBps: number; taxMinor: number; totalMinor: number }[] }[]) => {
      const byRate = new Map<number, { rateBps: number; netMinor: number; taxMinor: number }>();
      for (const line of sales.flatMap((sale) => sale.lines)) {
        const entry = byRate.get(line.taxRateBps) ?? { rateBps: line.taxRateBps, netMinor: 0, taxMinor: 0 };
        entry.netMinor += line.totalMinor - line.taxMinor;
        entry.taxMinor += line.taxMinor;
        byRate.set(line.taxRateBps, entry);
      }
      return [...byRate.values()].sort((x, y) => x.rateBps - y.rateBps);
    };
    const tendered = (sales: { tenders: { type: string; amountMinor: number }[]; changeDueMinor: number }[], type: string) =>
      sales
        .flatMap((sale) => sale.tenders)
        .filter((tender) => tender.type === type)
        .reduce((total, tender) => total + tender.amountMinor, 0) - (type === 'cash' ? sum(sales as never, 'changeDueMinor') : 0);

    const past = await summaryOf(yesterday);
    expect(past).toMatchObject({
      day: yesterday,
      timeZone,
      salesCount: 3,
      grossMinor: sum(dayOf, 'subtotalMinor'),
      discountMinor: sum(dayOf, 'discountMinor'),
      taxMinor: sum(dayOf, 'taxMinor'),
      totalMinor: sum(dayOf, 'totalMinor'),
      taxByRate: expectedTaxByRate(dayOf),
      refunds: { count: 0, totalMinor: 0, taxMinor: 0 },
      voids: { count: 0, totalMinor: 0 },
      netMinor: sum(dayOf, 'totalMinor'),
      tenders: [
        { type: 'cash', salesMinor: tendered(dayOf, 'cash'), refundsMinor: 0, netMinor: tendered(dayOf, 'cash') },
        { type: 'card', salesMinor: tendered(dayOf, 'card'), refundsMinor: 0, netMinor: tendered(dayOf, 'card') },
      ],
    });

    // Today: the late sale is voided (it is today's), and one of yesterday's books is refunded in cash.
    expectStatus(await http().post(`/api/v1/sales/${nextDay.id}/void`).set(bearer(shop.owner.accessToken)).send({ reason: 'Test' }), 200);
    const todaysSale = await ringUp(new Date(), [{ productId: food.id, quantity: 1 }], [{ type: 'card', amountMinor: 1190 }]);
    const bookLine = dayOf[2].lines[0];
    const refunded = expectStatus(
      await refund(
        shop,
        dayOf[2].id,
        {
          lines: [{ saleLineId: bookLine.id, quantity: 1, restock: true }],
          tenders: [{ type: 'cash', amountMinor: Math.round(bookLine.totalMinor / 3) }],
          reason: 'Gift duplicate',
        },
        shop.owner.accessToken,
      ),
      201,
    ).body;
    const today = localDay(new Date(), timeZone);
    const now = await summaryOf(today);
    const todays = today === localDay(new Date(nextDay.occurredAt), timeZone) ? { voids: { count: 1, totalMinor: nextDay.totalMinor } } : {};
    expect(now).toMatchObject({
      salesCount: 1,
      totalMinor: todaysSale.totalMinor,
      refunds: { count: 1, totalMinor: refunded.totalMinor, taxMinor: refunded.taxMinor },
      netMinor: todaysSale.totalMinor - refunded.totalMinor,
      tenders: [
        { type: 'cash', salesMinor: 0, refundsMinor: refunded.totalMinor, netMinor: -refunded.totalMinor },
        { type: 'card', salesMinor: todaysSale.totalMinor, refundsMinor: 0, netMinor: todaysSale.totalMinor },
      ],
      ...todays,
    });
    expect((await summaryOf(yesterday)).refunds.count).toBe(0);
  });

  it('lists sales newest first, finds one by receipt number or customer name, and renders its receipts', async () => {
    const store = a.stores[0].id;
    const product = await newProduct(a, { name: 'Receipt tea', priceMinor: 450 });
    await receive(a, store, product.id, 5);
    const customer = expectStatus(await http().post('/api/v1/customers').set(bearer(a.cashier.accessToken)).send({ name: 'Zelda Quill' }), 201).body;
    const sale = expectStatus(
      await sell(a.cashier.accessToken, {
        storeId: store,
        customerId: customer.id,
        lines: [{ productId: product.id, quantity: 2 }],
        tenders: [{ type: 'cash', amountMinor: 1000 }],
      }),
      201,
    ).body;
    const byName = expectStatus(await http().get('/api/v1/sales?q=zelda').set(bearer(a.cashier.accessToken)), 200).body.items;
    expect(byName.map((item: { id: string }) => item.id)).toEqual([sale.id]);
    const byNumber = expectStatus(
      await http().get(`/api/v1/sales?q=${sale.receiptNumber}&registerId=${sale.registerId}`).set(bearer(a.cashier.accessToken)),
      200,
    ).body.items;
    expect(byNumber.map((item: { id: string }) => item.id)).toEqual([sale.id]);
    const firstPage = expectStatus(await http().get(`/api/v1/sales?storeId=${store}&limit=2`).set(bearer(a.owner.accessToken)), 200).body;
    expect(firstPage.items[0].id).toBe(sale.id);
    const secondPage = expectStatus(
      await http().get(`/api/v1/sales?storeId=${store}&limit=2&cursor=${firstPage.nextCursor}`).set(bearer(a.owner.accessToken)),
      200,
    ).body;
    expect(secondPage.items.every((item: { id: string }) => item.id < firstPage.items[1].id)).toBe(true);
    expect(
      expectStatus(await http().get(`/api/v1/sales?cashierId=${a.cashier.id}&status=voided`).set(bearer(a.owner.accessToken)), 200).body.items.every(
        (item: { status: string }) => item.status === 'voided',
      ),
    ).toBe(true);
    expect(expectStatus(await http().get(`/api/v1/sales?storeId=${a.stores[1].id}`).set(bearer(a.cashier.accessToken)), 200).body.items).toEqual([]);

    const text = expectStatus(await http().get(`/api/v1/sales/${sale.id}/receipt`).set(bearer(a.cashier.accessToken)), 200);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(text.text).toContain('Receipt tea');
    expect(text.text).toMatch(/^Change +1\.00$/m);
    const html = expectStatus(await http().get(`/api/v1/sales/${sale.id}/receipt?format=html`).set(bearer(a.cashier.accessToken)), 200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('EUR 9.00');
    expect((await http().get(`/api/v1/sales/${sale.id}/receipt?format=pdf`).set(bearer(a.cashier.accessToken))).status).toBe(400);
  });

  it("lists what each sale's refunds gave back, and narrows the list to offline or flagged sales", async () => {
    const store = b.stores[1].id;
    const product = await newProduct(b, { priceMinor: 500 });
    const till = await tillSession(api.app, b, { storeId: store });
    const offlineSale = async (receiptNumber: number) =>
      expectStatus(
        await sell(till.accessToken, {
          storeId: store,
          registerId: till.registerId,
          receiptNumber,
          offline: true,
          lines: [{ productId: product.id, quantity: 1 }],
          tenders: [{ type: 'card', amountMinor: 500 }],
        }),
        201,
      ).body;
    const flagged = await offlineSale(1); // sold with nothing on hand: negative_stock
    await receive(b, store, product.id, 5);
    const clean = await offlineSale(2);
    const online = expectStatus(
      await sell(b.owner.accessToken, { storeId: store, lines: [{ productId: product.id, quantity: 2 }], tenders: [{ type: 'card', amountMinor: 1000 }] }),
      201,
    ).body;
    expectStatus(
      await refund(b, online.id, {
        lines: [{ saleLineId: online.lines[0].id, quantity: 1, restock: true }],
        tenders: [{ type: 'card', amountMinor: 500 }],
        reason: 'Spare',
      }),
      201,
    );

    const list = async (query: string, shop = b) =>
      expectStatus(await http().get(`/api/v1/sales?storeId=${store}&${query}`).set(bearer(shop.owner.accessToken)), 200).body.items as {
        id: string;
        refundedMinor: number;
      }[];
    const ids = (items: { id: string }[]) => items.map((item) => item.id);
    expect((await list('')).map(({ id, refundedMinor }) => [id, refundedMinor])).toEqual([
      [online.id, 500],
      [clean.id, 0],
      [flagged.id, 0],
    ]);
    expect(ids(await list('offline=true'))).toEqual([clean.id, flagged.id]);
    expect(ids(await list('offline=false'))).toEqual([online.id]);
    expect(ids(await list('flagged=true'))).toEqual([flagged.id]);
    expect(ids(await list('offline=true&flagged=false'))).toEqual([clean.id]);
    expect(await list('offline=true', a)).toEqual([]);
    const bad = await http().get('/api/v1/sales?flagged=perhaps').set(bearer(b.owner.accessToken));
    expect([bad.status, bad.body.code, bad.body.errors?.[0]?.field]).toEqual([400, ErrorCode.ValidationFailed, 'flagged']);
  });

  it("keeps each shop's sales, refunds and summaries to itself, and refuses bad input naming the field", async () => {
    const store = a.stores[0].id;
    const product = await newProduct(a);
    await receive(a, store, product.id, 2);
    const sale = expectStatus(
      await sell(a.owner.accessToken, { storeId: store, lines: [{ productId: product.id, quantity: 2 }], tenders: [{ type: 'card', amountMinor: 200 }] }),
      201,
    ).body;
    const line = sale.lines[0].id;
    for (const path of [`/api/v1/sales/${sale.id}/refunds`, `/api/v1/sales/${sale.id}/receipt`]) {
      expect((await http().get(path).set(bearer(b.apiKey))).status).toBe(404);
    }
    expect(
      (await refund(b, sale.id, { lines: [{ saleLineId: line, quantity: 1, restock: true }], tenders: [{ type: 'card', amountMinor: 100 }], reason: 'x' }))
        .status,
    ).toBe(404);
    expect(
      expectStatus(await http().get('/api/v1/sales').set(bearer(b.owner.accessToken)), 200).body.items.some((item: { id: string }) => item.id === sale.id),
    ).toBe(false);
    const theirSummary = await http().get(`/api/v1/sales/summary?storeId=${store}`).set(bearer(b.owner.accessToken));
    expect(theirSummary.body.salesCount ?? 0).toBe(0);

    const cases: [object, number, string][] = [
      [{ lines: [{ saleLineId: line, quantity: 0, restock: true }], tenders: [{ type: 'card', amountMinor: 100 }], reason: 'x' }, 400, 'lines.0.quantity'],
      [{ lines: [{ saleLineId: line, quantity: 1 }], tenders: [{ type: 'card', amountMinor: 100 }], reason: 'x' }, 400, 'lines.0.restock'],
      [
        { lines: [{ saleLineId: uuidv7(), quantity: 1, restock: true }], tenders: [{ type: 'card', amountMinor: 100 }], reason: 'x' },
        422,
        'lines.0.saleLineId',
      ],
      [
        {
          lines: [
            { saleLineId: line, quantity: 1, restock: true },
            { saleLineId: line, quantity: 1, restock: true },
          ],
          tenders: [{ type: 'card', amountMinor: 200 }],
          reason: 'x',
        },
        400,
        'lines',
      ],
      [{ lines: [{ saleLineId: line, quantity: 1, restock: true }], tenders: [{ type: 'card', amountMinor: 100 }] }, 400, 'reason'],
    ];
    for (const [body, status, field] of cases) {
      const response = await refund(a, sale.id, body);
      expect([JSON.stringify(body), response.status, response.body.errors?.map((error: { field: string }) => error.field)]).toEqual([
        JSON.stringify(body),
        status,
        expect.arrayContaining([field]),
      ]);
    }
    const badDay = await http().get('/api/v1/sales/summary?day=26-11-2026').set(bearer(a.owner.accessToken));
    expect([badDay.status, badDay.body.errors?.[0]?.field]).toEqual([400, 'day']);
    const noReason = await http().post(`/api/v1/sales/${sale.id}/void`).set(bearer(a.owner.accessToken)).send({});
    expect([noReason.status, noReason.body.errors?.[0]?.field]).toEqual([400, 'reason']);
    expect(await ownerQuery(api, `SELECT id FROM sale_refund WHERE sale_id = $1`, [sale.id])).toEqual([]);
  });
});
