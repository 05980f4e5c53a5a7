import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { eventually } from '@kassa/testing';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';
import { tillSession } from '../support/till';
import { salesFixtures } from './sales-fixtures';

describe('checkout', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => api.http();
  const { newProduct, receive, onHand, newPosRegister, sell } = salesFixtures(() => api);

  beforeAll(async () => {
    api = await startTestApi({ env: { OUTBOX_POLL_MS: '200' } });
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  const ledgerOf = (saleId: string) => ownerQuery<{ delta: number }>(api, `SELECT delta FROM stock_ledger WHERE reference_id = $1`, [saleId]);

  it('prices a sale to the cent, gives change, moves stock and records its events and audit row', async () => {
    const store = a.stores[0].id;
    const shirts = await newProduct(a, { priceMinor: 1190, taxRateBps: 1900 });
    const socks = await newProduct(a, { priceMinor: 500, taxRateBps: 700 });
    await receive(a, store, shirts.id, 5);
    await receive(a, store, socks.id, 5);

    // A manager: discounts beyond the cashier limit (0 by default) are theirs to give.
    const sale = expectStatus(
      await sell(a.manager.accessToken, {
        storeId: store,
        lines: [
          { productId: shirts.id, quantity: 2 },
          { productId: socks.id, quantity: 1, discount: { amountMinor: 100 } },
        ],
        tenders: [
          { type: 'card', amountMinor: 2000 },
          { type: 'cash', amountMinor: 1000 },
        ],
      }),
      201,
    ).body;
    // Prices include tax: 2 × 11.90 at 19 % holds 3.80 tax; 5.00 − 1.00 at 7 % holds 0.26 (0.2617 rounded once).
    expect(sale).toMatchObject({
      subtotalMinor: 2880,
      discountMinor: 100,
      taxMinor: 406,
      totalMinor: 2780,
      tenderedMinor: 3000,
      changeDueMinor: 220,
      receiptNumber: 1,
      negativeStockLines: [],
    });
    expect(sale.lines.map((line: { totalMinor: number; taxMinor: number }) => [line.totalMinor, line.taxMinor])).toEqual([
      [2380, 380],
      [400, 26],
    ]);
    expect(sale.lines.reduce((sum: number, line: { totalMinor: number }) => sum + line.totalMinor, 0)).toBe(sale.totalMinor);
    expect(await onHand(a, store, shirts.id)).toBe(3);
    expect(await onHand(a, store, socks.id)).toBe(4);
    expect((await ledgerOf(sale.id)).map((row) => row.delta).sort((x, y) => x - y)).toEqual([-2, -1]);

    type Published = { aggregateId: string; type: string; data: { id?: string; totalMinor?: number; type?: string; amountMinor?: number } };
    const events: Published[] = await eventually(
      async () => expectStatus(await http().get('/api/v1/events?types=sale.created,payment.received').set(bearer(a.apiKey)), 200).body.items,
      (items: Published[]) => items.filter((event) => event.aggregateId === sale.id).length === 3,
    );
    const mine = events.filter((event) => event.aggregateId === sale.id);
    expect(mine.map((event) => event.type)).toEqual(['sale.created', 'payment.received', 'payment.received']);
    expect(mine[0].data).toMatchObject({ id: sale.id, totalMinor: 2780 });
    expect(mine.slice(1).map((event) => [event.data.type, event.data.amountMinor])).toEqual([
      ['card', 2000],
      ['cash', 1000],
    ]);
    const audit = expectStatus(await http().get(`/api/v1/audit-logs?entityType=sale&entityId=${sale.id}`).set(bearer(a.owner.accessToken)), 200).body.items;
    expect(audit).toEqual([
      expect.objectContaining({ action: 'create', actorId: a.manager.id, metadata: { discountGrantedBy: { type: 'user', id: a.manager.id } } }),
    ]);
    expect(expectStatus(await http().get(`/api/v1/sales/${sale.id}`).set(bearer(a.cashier.accessToken)), 200).body).toEqual(sale);
  });

  it('records one sale for 5 concurrent posts with one Idempotency-Key, and 422 for the key with another body', async () => {
    const store = a.stores[0].id;
    const product = await newProduct(a);
    await receive(a, store, product.id, 10);
    const body = { storeId: store, lines: [{ productId: product.id, quantity: 1 }], tenders: [{ type: 'card', amountMinor: 100 }] };
    const key = `sale-${uuidv7()}`;
    const responses = await Promise.all(Array.from({ length: 5 }, () => sell(a.owner.accessToken, body, { 'idempotency-key': key })));
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    const ids = new Set(responses.map((response) => response.body.id));
    expect(ids.size).toBe(1);
    const [saleId] = ids;
    expect(await ledgerOf(saleId)).toHaveLength(1);
    expect(await onHand(a, store, product.id)).toBe(9);
    const reused = await sell(a.owner.accessToken, { ...body, lines: [{ productId: product.id, quantity: 2 }] }, { 'idempotency-key': key });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe(ErrorCode.IdempotencyKeyReused);
  });

  it("replays a resent sale with the client's id and refuses another sale under that id", async () => {
    const store = a.stores[0].id;
    const product = await newProduct(a);
    await receive(a, store, product.id, 10);
    const body = { id: uuidv7(), storeId: store, lines: [{ productId: product.id, quantity: 1 }], tenders: [{ type: 'cash', amountMinor: 500 }] };
    const first = expectStatus(await sell(a.cashier.accessToken, body), 201);
    const again = expectStatus(await sell(a.cashier.accessToken, body), 201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await onHand(a, store, product.id)).toBe(9);
    const other = await sell(a.cashier.accessToken, { ...body, tenders: [{ type: 'cash', amountMinor: 1000 }] });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: ErrorCode.SaleExists, errors: [{ field: 'id' }] });
  });

  it("numbers 100 concurrent sales through one store's api register 1..100", async () => {
    const store = a.stores[1].id;
    const product = await newProduct(a);
    await receive(a, store, product.id, 100);
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        sell(a.apiKey, { storeId: store, lines: [{ productId: product.id, quantity: 1 }], tenders: [{ type: 'card', amountMinor: 100 }] }),
      ),
    );
    expect(responses.filter((response) => response.status !== 201).map((response) => response.body)).toEqual([]);
    const numbers = responses.map((response) => response.body.receiptNumber).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await onHand(a, store, product.id)).toBe(0);
    const registerId = responses[0].body.registerId;
    const gaps = expectStatus(await http().get(`/api/v1/registers/${registerId}/gaps`).set(bearer(a.owner.accessToken)), 200).body;
    expect(gaps).toEqual({ registerId, lastReceiptNumber: 100, gaps: [], missing: [], missingCount: 0 });
  });

  it('shows the number a POS register skipped as a gap, refuses a repeated number, and resumes from the highest', async () => {
    const store = a.stores[0].id;
    const registerId = await newPosRegister(a, store);
    const product = await newProduct(a);
    await receive(a, store, product.id, 10);
    const sale = (receiptNumber: number) =>
      sell(a.cashier.accessToken, {
        storeId: store,
        registerId,
        receiptNumber,
        lines: [{ productId: product.id, quantity: 1 }],
        tenders: [{ type: 'card', amountMinor: 100 }],
      });
    for (const number of [1, 2, 4]) expectStatus(await sale(number), 201);
    const repeated = await sale(2);
    expect(repeated.status).toBe(409);
    expect(repeated.body).toMatchObject({ code: ErrorCode.ReceiptNumberTaken, errors: [{ field: 'receiptNumber' }] });
    const gaps = expectStatus(await http().get(`/api/v1/registers/${registerId}/gaps`).set(bearer(a.cashier.accessToken)), 200).body;
    expect(gaps).toMatchObject({ lastReceiptNumber: 4, gaps: [{ from: 3, to: 3 }], missing: [3], missingCount: 1 });
    expect(expectStatus(await http().get(`/api/v1/registers/${registerId}`).set(bearer(a.cashier.accessToken)), 200).body.lastReceiptNumber).toBe(4);
    expect(await onHand(a, store, product.id)).toBe(7);
  });

  it("accepts offline sales only from a user signed in by PIN on a till, for the till's own register", async () => {
    const store = a.stores[0].id;
    const product = await newProduct(a, { priceMinor: 300 });
    const till = await tillSession(api.app, a, { user: a.cashier });
    const otherRegister = await newPosRegister(a, store);
    // Tenders short: only an accepted offline sale would let it through.
    const rungUp = { storeId: store, lines: [{ productId: product.id, quantity: 1 }], tenders: [{ type: 'cash', amountMinor: 100 }], offline: true };
    const refusals = [
      await sell(a.owner.accessToken, { ...rungUp, registerId: till.registerId, receiptNumber: 1 }),
      await sell(a.cashier.accessToken, { ...rungUp, registerId: till.registerId, receiptNumber: 1 }),
      await sell(a.apiKey, { ...rungUp, registerId: till.registerId, receiptNumber: 1 }),
      await sell(till.accessToken, { ...rungUp, registerId: otherRegister, receiptNumber: 1 }),
      await sell(till.accessToken, rungUp),
    ];
    expect(refusals.map((response) => [response.status, response.body.code, response.body.errors?.[0]?.field])).toEqual([
      [403, ErrorCode.OfflineSaleForbidden, 'offline'],
      [403, ErrorCode.OfflineSaleForbidden, 'offline'],
      [403, ErrorCode.OfflineSaleForbidden, 'offline'],
      [403, ErrorCode.OfflineSaleForbidden, 'registerId'],
      [403, ErrorCode.OfflineSaleForbidden, 'registerId'],
    ]);
    const accepted = expectStatus(await sell(till.accessToken, { ...rungUp, registerId: till.registerId, receiptNumber: 1 }), 201).body;
    expect(accepted).toMatchObject({ offline: true, registerId: till.registerId, flags: ['negative_stock', 'tender_short'] });
  });

  it("attributes a till's sales to the recorded cashier and lets a device manager import a till's queue, once", async () => {
    const store = a.stores[0].id;
    const product = await newProduct(a, { priceMinor: 1000 });
    const till = await tillSession(api.app, a, { user: a.owner });
    // Rung up offline by the cashier with a 50 % discount (beyond a cashier's allowance), tenders short.
    const rungUp = (receiptNumber: number, extra: object = {}) => ({
      id: uuidv7(),
      storeId: store,
      registerId: till.registerId,
      receiptNumber,
      occurredAt: '2026-11-29T10:00:00.000Z',
      lines: [{ productId: product.id, quantity: 1, discount: { percentBps: 5000 } }],
      tenders: [{ type: 'cash', amountMinor: 400 }],
      offline: true,
      cashierId: a.cashier.id,
      ...extra,
    });

    // The till synced under the owner's PIN session: the cashier is the sale's, the owner's allowance does not cover it.
    const synced = expectStatus(await sell(till.accessToken, rungUp(1)), 201).body;
    expect(synced).toMatchObject({ actorType: 'user', actorId: a.cashier.id, flags: expect.arrayContaining(['discount_unapproved', 'tender_short']) });

    // The back office imports the exported queue: the manager (devices:manage) posts on behalf of the register.
    const imported = rungUp(2);
    const first = expectStatus(await sell(a.manager.accessToken, imported), 201);
    expect(first.body).toMatchObject({ actorId: a.cashier.id, registerId: till.registerId, receiptNumber: 2, offline: true, occurredAt: imported.occurredAt });
    const again = expectStatus(await sell(a.manager.accessToken, imported), 201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    // The till's own resend of a sale the import already posted is a replay too.
    expect(expectStatus(await sell(till.accessToken, imported), 201).headers['idempotent-replayed']).toBe('true');
    const [audit] = await ownerQuery<{ actorId: string; metadata: { cashierId: string } }>(
      api,
      `SELECT actor_id AS "actorId", metadata FROM audit_log WHERE entity_type = 'sale' AND entity_id = $1 AND action = 'create'`,
      [imported.id],
    );
    expect(audit).toMatchObject({ actorId: a.manager.id, metadata: { cashierId: a.cashier.id } });

    const refusals = [
      // A plain sales:create caller still cannot send offline sales, with or without a cashier.
      await sell(a.cashier.accessToken, rungUp(3)),
      await sell(a.cashier.accessToken, rungUp(3, { cashierId: undefined })),
      // An import names the cashier; a sale the till queued online is judged online, as that cashier.
      await sell(a.manager.accessToken, rungUp(3, { cashierId: undefined })),
      await sell(a.manager.accessToken, rungUp(3, { offline: undefined })),
      await sell(a.apiKey, rungUp(3)),
      // The recorded cashier must be a user of this shop who may sell at the store.
      await sell(a.manager.accessToken, rungUp(3, { cashierId: b.cashier.id })),
      await sell(till.accessToken, rungUp(3, { cashierId: b.owner.id })),
    ];
    expect(refusals.map((response) => [response.status, response.body.code, response.body.errors?.[0]?.field])).toEqual([
      [403, ErrorCode.OfflineSaleForbidden, 'offline'],
      [403, ErrorCode.OfflineSaleForbidden, 'offline'],
      [403, ErrorCode.OfflineSaleForbidden, 'offline'],
      [403, ErrorCode.DiscountForbidden, 'lines.0.discount'],
      [403, ErrorCode.OfflineSaleForbidden, 'offline'],
      [400, ErrorCode.ValidationFailed, 'cashierId'],
      [400, ErrorCode.ValidationFailed, 'cashierId'],
    ]);
    // The cashier is limited to the first store: not the cashier of a sale in the second.
    const secondTill = await tillSession(api.app, a, { storeId: a.stores[1].id });
    const elsewhere = await sell(a.manager.accessToken, { ...rungUp(1), storeId: a.stores[1].id, registerId: secondTill.registerId });
    expect([elsewhere.status, elsewhere.body.errors?.[0]?.field]).toEqual([400, 'cashierId']);
    // Another shop's manager cannot import into this shop's register.
    const foreign = await sell(b.manager.accessToken, { ...rungUp(3), cashierId: b.cashier.id, storeId: b.stores[0].id });
    expect(foreign.status).toBe(404);
    const sales = expectStatus(await http().get(`/api/v1/sales?registerId=${till.registerId}`).set(bearer(a.owner.accessToken)), 200).body.items;
    expect(sales.map((sale: { receiptNumber: number }) => sale.receiptNumber).sort()).toEqual([1, 2]);
  });

  it('accepts an offline sale of a since-deleted product at its old price with no stock, lists it for review, and refuses it online', async () => {
    const store = a.stores[0].id;
    const registerId = await newPosRegister(a, store);
    const gone = await newProduct(a, { priceMinor: 300 });
    expectStatus(await http().patch(`/api/v1/products/${gone.id}`).set(bearer(a.owner.accessToken)).send({ priceMinor: 350 }), 200);
    expectStatus(await http().delete(`/api/v1/products/${gone.id}`).set(bearer(a.owner.accessToken)), 204);
    const rungUp = {
      storeId: store,
      registerId,
      lines: [{ productId: gone.id, quantity: 2, unitPriceMinor: 300 }],
      tenders: [{ type: 'cash', amountMinor: 600 }],
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    };

    const online = await sell(a.cashier.accessToken, { ...rungUp, receiptNumber: 1 });
    expect(online.status).toBe(404);
    expect(online.body).toMatchObject({ code: ErrorCode.ProductNotFound, errors: [{ field: 'lines.0.productId' }] });

    const till = await tillSession(api.app, a, { user: a.cashier, registerId });
    const offline = expectStatus(await sell(till.accessToken, { ...rungUp, receiptNumber: 1, offline: true }), 201).body;
    expect(offline).toMatchObject({
      offline: true,
      totalMinor: 600,
      occurredAt: rungUp.occurredAt,
      flags: ['negative_stock', 'price_changed', 'product_deleted'],
    });
    expect(offline.lines[0]).toMatchObject({ unitPriceMinor: 300, listPriceMinor: 350, flags: ['product_deleted', 'price_changed', 'negative_stock'] });
    expect(offline.negativeStockLines).toEqual([{ lineId: offline.lines[0].id, productId: gone.id, onHand: -2 }]);

    const open = expectStatus(await http().get(`/api/v1/sales/reconciliation?storeId=${store}`).set(bearer(a.manager.accessToken)), 200).body.items;
    expect(open.map((sale: { id: string }) => sale.id)).toContain(offline.id);
    expect((await http().get('/api/v1/sales/reconciliation').set(bearer(a.cashier.accessToken))).status).toBe(403);
    const reviewed = expectStatus(
      await http().post(`/api/v1/sales/${offline.id}/review`).set(bearer(a.manager.accessToken)).send({ note: 'Recounted the shelf' }),
      200,
    ).body;
    expect(reviewed.reviewedAt).toEqual(expect.any(String));
    const stillOpen = expectStatus(await http().get('/api/v1/sales/reconciliation').set(bearer(a.manager.accessToken)), 200).body.items;
    expect(stillOpen.map((sale: { id: string }) => sale.id)).not.toContain(offline.id);
    const done = expectStatus(await http().get('/api/v1/sales/reconciliation?status=reviewed').set(bearer(a.manager.accessToken)), 200).body.items;
    expect(done.map((sale: { id: string }) => sale.id)).toContain(offline.id);
  });

  it('refuses online what the catalog and the stock rules forbid, with the right codes', async () => {
    const store = a.stores[0].id;
    const tenders = [{ type: 'card', amountMinor: 10_000 }];
    const inactive = await newProduct(a, { active: false });
    const noStock = await newProduct(a);
    const priced = await newProduct(a, { priceMinor: 400 });
    await receive(a, store, priced.id, 5);

    const refusals = [
      [
        await sell(a.cashier.accessToken, { storeId: store, lines: [{ productId: inactive.id, quantity: 1 }], tenders }),
        422,
        ErrorCode.ProductInactive,
        'lines.0.productId',
      ],
      [
        await sell(a.cashier.accessToken, { storeId: store, lines: [{ productId: noStock.id, quantity: 1 }], tenders: [{ type: 'card', amountMinor: 100 }] }),
        409,
        ErrorCode.InsufficientStock,
        'lines.0.quantity',
      ],
      [
        await sell(a.cashier.accessToken, {
          storeId: store,
          lines: [{ productId: priced.id, quantity: 1, unitPriceMinor: 300 }],
          tenders: [{ type: 'card', amountMinor: 300 }],
        }),
        403,
        ErrorCode.PriceOverrideForbidden,
        'lines.0.unitPriceMinor',
      ],
      [
        await sell(a.cashier.accessToken, { storeId: store, lines: [{ productId: priced.id, quantity: 2 }], tenders: [{ type: 'cash', amountMinor: 799 }] }),
        422,
        ErrorCode.TenderShort,
        'tenders',
      ],
      [
        await sell(a.cashier.accessToken, { storeId: store, lines: [{ productId: priced.id, quantity: 1 }], tenders: [{ type: 'card', amountMinor: 500 }] }),
        400,
        ErrorCode.ValidationFailed,
        'tenders',
      ],
    ] as const;
    for (const [response, status, code, field] of refusals) {
      expect([response.status, response.body.code, response.body.errors?.[0]?.field]).toEqual([status, code, field]);
    }
    expect(await onHand(a, store, priced.id)).toBe(5);
    expect(await ownerQuery(api, `SELECT id FROM sale_line WHERE product_id = ANY($1)`, [[inactive.id, noStock.id, priced.id]])).toEqual([]);

    // A manager may change a price; with negative stock allowed, the line that went below zero is listed.
    expectStatus(await http().patch('/api/v1/tenant').set(bearer(a.owner.accessToken)).send({ allowNegativeStock: true }), 200);
    try {
      const overridden = expectStatus(
        await sell(a.manager.accessToken, {
          storeId: store,
          lines: [{ productId: priced.id, quantity: 6, unitPriceMinor: 300 }],
          tenders: [{ type: 'card', amountMinor: 1800 }],
        }),
        201,
      ).body;
      expect(overridden).toMatchObject({ totalMinor: 1800, flags: [], negativeStockLines: [{ productId: priced.id, onHand: -1 }] });
    } finally {
      await http().patch('/api/v1/tenant').set(bearer(a.owner.accessToken)).send({ allowNegativeStock: false });
    }
  });

  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    const store = a.stores[0].id;
    const product = await newProduct(a);
    await receive(a, store, product.id, 5);
    const line = { productId: product.id, quantity: 1 };
    const tenders = [{ type: 'card', amountMinor: 100 }];
    const cases: [object, number, string][] = [
      [{ storeId: store, lines: [{ ...line, quantity: -1 }], tenders }, 400, 'lines.0.quantity'],
      [{ storeId: store, lines: [{ ...line, quantity: 1.5 }], tenders }, 400, 'lines.0.quantity'],
      [{ storeId: store, lines: [{ productId: uuidv7(), quantity: 1 }], tenders }, 404, 'lines.0.productId'],
      [{ storeId: store, lines: [line], tenders: [] }, 400, 'tenders'],
      [{ storeId: store, lines: [], tenders }, 400, 'lines'],
      [{ storeId: store, lines: [line], tenders: [{ type: 'voucher', amountMinor: 100 }] }, 400, 'tenders.0.type'],
      [{ storeId: store, lines: [{ ...line, discount: { percentBps: 500, amountMinor: 10 } }], tenders }, 400, 'lines.0.discount.percentBps'],
      [{ storeId: store, lines: [line], discount: { percentBps: 10_001 }, tenders }, 400, 'discount.percentBps'],
      [{ storeId: uuidv7(), lines: [line], tenders }, 404, 'storeId'],
      [{ storeId: store, registerId: uuidv7(), receiptNumber: 1, lines: [line], tenders }, 404, 'registerId'],
      [{ storeId: store, receiptNumber: 7, lines: [line], tenders }, 400, 'receiptNumber'],
      [{ storeId: store, customerId: uuidv7(), lines: [line], tenders }, 404, 'customerId'],
      [{ storeId: store, lines: [line], tenders, occurredAt: 'yesterday' }, 400, 'occurredAt'],
    ];
    for (const [body, status, field] of cases) {
      const response = await sell(a.owner.accessToken, body);
      expect([JSON.stringify(body), response.status, response.body.errors?.map((error: { field: string }) => error.field)]).toEqual([
        JSON.stringify(body),
        status,
        expect.arrayContaining([field]),
      ]);
    }
    const posRegister = await newPosRegister(a, store);
    const unnumbered = await sell(a.owner.accessToken, { storeId: store, registerId: posRegister, lines: [line], tenders });
    expect([unnumbered.status, unnumbered.body.errors?.[0]?.field]).toEqual([400, 'receiptNumber']);
    expect(await onHand(a, store, product.id)).toBe(5);
  });

  it("keeps a cashier limited to one store out of the other, and each shop out of the other's stores, products and sales", async () => {
    const product = await newProduct(a);
    await receive(a, a.stores[1].id, product.id, 5);
    const body = (storeId: string) => ({ storeId, lines: [{ productId: product.id, quantity: 1 }], tenders: [{ type: 'card', amountMinor: 100 }] });
    const elsewhere = await sell(a.cashier.accessToken, body(a.stores[1].id));
    expect([elsewhere.status, elsewhere.body.code]).toEqual([404, ErrorCode.StoreNotFound]);
    const sold = expectStatus(await sell(a.owner.accessToken, body(a.stores[1].id)), 201).body;
    expect((await http().get(`/api/v1/sales/${sold.id}`).set(bearer(a.cashier.accessToken))).status).toBe(404);
    expect((await http().get(`/api/v1/registers/${sold.registerId}/gaps`).set(bearer(a.cashier.accessToken))).status).toBe(404);

    const intoTheirStore = await sell(b.owner.accessToken, body(a.stores[1].id));
    expect([intoTheirStore.status, intoTheirStore.body.errors?.[0]?.field]).toEqual([404, 'storeId']);
    const theirProduct = await sell(b.owner.accessToken, body(b.stores[0].id));
    expect([theirProduct.status, theirProduct.body.errors?.[0]?.field]).toEqual([404, 'lines.0.productId']);
    expect((await http().get(`/api/v1/sales/${sold.id}`).set(bearer(b.apiKey))).status).toBe(404);
  });

  it("shows a customer's purchase totals on their detail", async () => {
    const store = a.stores[0].id;
    const product = await newProduct(a, { priceMinor: 250 });
    await receive(a, store, product.id, 10);
    const customer = expectStatus(await http().post('/api/v1/customers').set(bearer(a.cashier.accessToken)).send({ name: 'Loyal Lou' }), 201).body;
    const sales = [];
    for (const quantity of [1, 3]) {
      sales.push(
        expectStatus(
          await sell(a.cashier.accessToken, {
            storeId: store,
            customerId: customer.id,
            lines: [{ productId: product.id, quantity }],
            tenders: [{ type: 'card', amountMinor: 250 * quantity }],
          }),
          201,
        ).body,
      );
    }
    const purchases = async () => expectStatus(await http().get(`/api/v1/customers/${customer.id}`).set(bearer(a.cashier.accessToken)), 200).body.purchases;
    expect(await purchases()).toEqual({ count: 2, totalMinor: 1000, lastPurchaseAt: expect.any(String) });
    expectStatus(
      await http()
        .post(`/api/v1/sales/${sales[1].id}/refunds`)
        .set(bearer(a.manager.accessToken))
        .send({
          lines: [{ saleLineId: sales[1].lines[0].id, quantity: 1, restock: true }],
          tenders: [{ type: 'card', amountMinor: 250 }],
          reason: 'One too many',
        }),
      201,
    );
    expect((await purchases()).totalMinor).toBe(750);
  });
});
