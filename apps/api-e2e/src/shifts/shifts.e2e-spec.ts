import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { eventually } from '@kassa/testing';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';
import { tillSession } from '../support/till';
import { salesFixtures } from '../sales/sales-fixtures';

/** Tax inside a tax-inclusive price, as the test works it out on its own: round(price × rate / (10000 + rate)), ties to even. */
function includedTax(priceMinor: number, rateBps: number): number {
  const numerator = BigInt(priceMinor) * BigInt(rateBps);
  const denominator = BigInt(10_000 + rateBps);
  const quotient = numerator / denominator;
  const twice = 2n * (numerator % denominator);
  return Number(twice > denominator || (twice === denominator && quotient % 2n === 1n) ? quotient + 1n : quotient);
}

describe('cash shifts', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const fixtures = salesFixtures(() => api);
  const { newPosRegister, sell } = fixtures;
  // Drawer tests, not stock tests: the products keep no stock.
  const newProduct = (shop: TenantFixture, extra: object) => fixtures.newProduct(shop, { trackStock: false, ...extra });
  const receiptNumbers = new Map<string, number>();

  beforeAll(async () => {
    api = await startTestApi({ env: { OUTBOX_POLL_MS: '200' } });
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  const openShift = (shop: TenantFixture, registerId: string, body: object, token = shop.manager.accessToken) =>
    http().post(`/api/v1/registers/${registerId}/shifts`).set(bearer(token)).send(body);
  const move = (shop: TenantFixture, shiftId: string, body: object, token = shop.manager.accessToken) =>
    http().post(`/api/v1/shifts/${shiftId}/cash-movements`).set(bearer(token)).send(body);
  const close = (shop: TenantFixture, shiftId: string, body: object, token = shop.manager.accessToken) =>
    http().post(`/api/v1/shifts/${shiftId}/close`).set(bearer(token)).send(body);
  const report = (shop: TenantFixture, shiftId: string, format = 'json', token = shop.manager.accessToken) =>
    http().get(`/api/v1/shifts/${shiftId}/report?format=${format}`).set(bearer(token));

  /** A cash (or card) sale of one product on a POS register, numbered as its till would. */
  async function sellOn(shop: TenantFixture, registerId: string, productId: string, tenders: object[], token = shop.manager.accessToken) {
    const receiptNumber = (receiptNumbers.get(registerId) ?? 0) + 1;
    receiptNumbers.set(registerId, receiptNumber);
    return expectStatus(await sell(token, { storeId: shop.stores[0].id, registerId, receiptNumber, lines: [{ productId, quantity: 1 }], tenders }), 201).body;
  }

  it('works the example to the cent: expected 127.50, counted 127.49, over/short −0.01, every figure of the Z-report', async () => {
    await http().patch('/api/v1/shift-settings').set(bearer(a.owner.accessToken)).send({ discrepancyThresholdMinor: 0 }).expect(200);
    const register = await newPosRegister(a, a.stores[0].id);
    const rate = 1900;
    const [p1250, p800, p3000] = [
      await newProduct(a, { priceMinor: 1250, taxRateBps: rate }),
      await newProduct(a, { priceMinor: 800, taxRateBps: rate }),
      await newProduct(a, { priceMinor: 3000, taxRateBps: rate }),
    ];

    const shift = expectStatus(await openShift(a, register, { openingFloatMinor: 10000 }), 201).body;
    expect(shift).toMatchObject({
      registerId: register,
      storeId: a.stores[0].id,
      status: 'open',
      openingFloatMinor: 10000,
      zNumber: null,
      expectedCashMinor: null,
    });

    const first = await sellOn(a, register, p1250.id, [{ type: 'cash', amountMinor: 2000 }]);
    expect([first.changeDueMinor, first.shiftId]).toEqual([750, shift.id]);
    const second = await sellOn(a, register, p800.id, [{ type: 'cash', amountMinor: 800 }]);
    const third = await sellOn(a, register, p3000.id, [{ type: 'cash', amountMinor: 3000 }]);
    const refund = expectStatus(
      await http()
        .post(`/api/v1/sales/${second.id}/refunds`)
        .set(bearer(a.manager.accessToken))
        .send({
          lines: [{ saleLineId: second.lines[0].id, quantity: 1, restock: false }],
          tenders: [{ type: 'cash', amountMinor: 800 }],
          reason: 'Changed mind',
        }),
      201,
    ).body;
    expect([refund.registerId, refund.shiftId]).toEqual([register, shift.id]);
    expectStatus(await move(a, shift.id, { type: 'pay_out', amountMinor: 1500, reason: 'Window cleaner' }), 201);

    // Figures worked out here, not by the API: taxes half-even inside the prices, cash as handed over less change.
    const taxes = [includedTax(1250, rate), includedTax(800, rate), includedTax(3000, rate)];
    expect(taxes).toEqual([200, 128, 479]);
    const expected = 10000 + (2000 + 800 + 3000) - 750 - 800 - 1500;
    expect(expected).toBe(12750);

    const x = expectStatus(await report(a, shift.id), 200).body;
    expect([x.kind, x.zNumber, x.cash.expectedMinor, x.cash.countedMinor]).toEqual(['X', null, expected, null]);

    const denominations = [
      { valueMinor: 5000, count: 2 },
      { valueMinor: 1000, count: 2 },
      { valueMinor: 500, count: 1 },
      { valueMinor: 200, count: 1 },
      { valueMinor: 20, count: 2 },
      { valueMinor: 5, count: 1 },
      { valueMinor: 2, count: 2 },
      { valueMinor: 1, count: 0 },
    ];
    const closed = expectStatus(await close(a, shift.id, { countedCashMinor: 12749, denominations }), 200).body;
    expect(closed).toMatchObject({ status: 'closed', zNumber: 1, countedCashMinor: 12749, expectedCashMinor: 12750, overShortMinor: -1 });

    const z = expectStatus(await report(a, shift.id), 200).body;
    const netTax = taxes[0] + taxes[1] + taxes[2] - taxes[1];
    expect(z).toEqual({
      kind: 'Z',
      zNumber: 1,
      shiftId: shift.id,
      storeId: a.stores[0].id,
      registerId: register,
      shopName: 'Alpha',
      storeName: 'Alpha MAIN',
      registerName: expect.stringMatching(/^Till /),
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      openedAt: shift.openedAt,
      closedAt: closed.closedAt,
      takenAt: closed.closedAt,
      sales: { count: 3, grossMinor: 5050, discountMinor: 0, taxMinor: taxes[0] + taxes[1] + taxes[2], totalMinor: 5050 },
      refunds: { count: 1, totalMinor: 800, taxMinor: taxes[1] },
      voids: { count: 0, totalMinor: 0 },
      netMinor: 5050 - 800,
      taxByRate: [{ rateBps: rate, netMinor: 5050 - 800 - netTax, taxMinor: netTax }],
      tenders: [{ type: 'cash', salesMinor: 5800, changeMinor: 750, refundsMinor: 800, voidsMinor: 0, netMinor: 5800 - 750 - 800 }],
      cashMovements: [{ id: expect.any(String), type: 'pay_out', amountMinor: 1500, reason: 'Window cleaner', occurredAt: expect.any(String) }],
      cash: {
        openingFloatMinor: 10000,
        salesMinor: 5800,
        changeMinor: 750,
        refundsMinor: 800,
        voidsMinor: 0,
        payInsMinor: 0,
        payOutsMinor: 1500,
        dropsMinor: 0,
        expectedMinor: expected,
        countedMinor: 12749,
        overShortMinor: 12749 - expected,
      },
      denominations: denominations.filter((entry) => entry.count > 0),
      receipts: { firstNumber: first.receiptNumber, lastNumber: third.receiptNumber, gaps: [], missingCount: 0 },
    });

    const text = expectStatus(await report(a, shift.id, 'text'), 200);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(Math.max(...text.text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(42);
    for (const line of [
      '                Z-REPORT 1',
      'Expected                            127.50',
      'Counted                             127.49',
      'SHORT                                -0.01',
    ])
      expect(text.text.split('\n')).toContain(line);
    const html = expectStatus(await report(a, shift.id, 'html'), 200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('<h1>Z-REPORT 1</h1>');

    type EventRow = { aggregateId: string; type: string; data: Record<string, unknown> };
    const events: EventRow[] = await eventually(
      async () => expectStatus(await http().get('/api/v1/events?types=shift.opened,shift.closed,cash.discrepancy').set(bearer(a.apiKey)), 200).body.items,
      (items: EventRow[]) => items.filter((event) => event.aggregateId === shift.id).length === 3,
    );
    const mine = events.filter((event) => event.aggregateId === shift.id);
    expect(mine.map((event) => event.type).sort()).toEqual(['cash.discrepancy', 'shift.closed', 'shift.opened']);
    expect(mine.find((event) => event.type === 'shift.closed')?.data).toMatchObject({
      storeId: a.stores[0].id,
      zNumber: 1,
      overShortMinor: -1,
    });
    const audit = expectStatus(await http().get(`/api/v1/audit-logs?entityId=${shift.id}`).set(bearer(a.owner.accessToken)), 200).body.items;
    expect(audit.map((entry: { action: string }) => entry.action).sort()).toEqual(['create', 'update']);
  });

  it('keeps the Z-report as it was taken: later refunds leave it alone, and the database refuses to change a closed shift', async () => {
    const register = await newPosRegister(a, a.stores[0].id);
    const product = await newProduct(a, { priceMinor: 500 });
    const shift = expectStatus(await openShift(a, register, { openingFloatMinor: 0 }), 201).body;
    const sale = await sellOn(a, register, product.id, [{ type: 'cash', amountMinor: 500 }]);
    expectStatus(await close(a, shift.id, { countedCashMinor: 500 }), 200);
    const before = expectStatus(await report(a, shift.id), 200).body;
    expectStatus(
      await http()
        .post(`/api/v1/sales/${sale.id}/refunds`)
        .set(bearer(a.manager.accessToken))
        .send({ lines: [{ saleLineId: sale.lines[0].id, quantity: 1, restock: false }], tenders: [{ type: 'cash', amountMinor: 500 }], reason: 'Late' }),
      201,
    );
    expect(expectStatus(await report(a, shift.id), 200).body).toEqual(before);
    await expect(ownerQuery(api, `UPDATE shift SET counted_cash_minor = 0 WHERE id = $1`, [shift.id])).rejects.toThrow(/closed and cannot change/);
    await expect(ownerQuery(api, `SET ROLE kassa_app; UPDATE shift_cash_movement SET amount_minor = 1`)).rejects.toThrow(/permission denied/);
  });

  it("never mixes two registers' shifts in one store; refuses a second open, a second close and a movement after it", async () => {
    const [r1, r2] = [await newPosRegister(a, a.stores[0].id), await newPosRegister(a, a.stores[0].id)];
    const product = await newProduct(a, { priceMinor: 1000 });
    const s1 = expectStatus(await openShift(a, r1, { openingFloatMinor: 5000 }), 201).body;
    const s2 = expectStatus(await openShift(a, r2, { openingFloatMinor: 2000 }), 201).body;
    const again = await openShift(a, r1, { openingFloatMinor: 100 });
    expect([again.status, again.body.code]).toEqual([409, ErrorCode.ShiftAlreadyOpen]);

    await sellOn(a, r1, product.id, [{ type: 'cash', amountMinor: 1000 }]);
    await sellOn(a, r2, product.id, [{ type: 'cash', amountMinor: 5000 }]);
    await sellOn(a, r2, product.id, [{ type: 'card', amountMinor: 1000 }]);
    expectStatus(await move(a, s2.id, { type: 'drop', amountMinor: 3000, reason: 'To the safe' }), 201);
    expectStatus(await move(a, s1.id, { type: 'pay_in', amountMinor: 700, reason: 'Change from the bank' }), 201);

    const x1 = expectStatus(await report(a, s1.id), 200).body;
    const x2 = expectStatus(await report(a, s2.id), 200).body;
    expect([x1.sales.count, x1.cash.expectedMinor, x1.cash.payInsMinor, x1.cash.dropsMinor]).toEqual([1, 5000 + 1000 + 700, 700, 0]);
    expect([x2.sales.count, x2.cash.expectedMinor, x2.cash.changeMinor, x2.cash.dropsMinor]).toEqual([2, 2000 + 5000 - 4000 - 3000, 4000, 3000]);
    expect(x2.tenders.map((tender: { type: string; netMinor: number }) => [tender.type, tender.netMinor])).toEqual([
      ['cash', 1000],
      ['card', 1000],
    ]);

    // A refund paid from the other drawer and a void at it land in that drawer's shift.
    const sold = await sellOn(a, r1, product.id, [{ type: 'cash', amountMinor: 1000 }]);
    const voided = await sellOn(a, r1, product.id, [{ type: 'cash', amountMinor: 2000 }]);
    const refund = expectStatus(
      await http()
        .post(`/api/v1/sales/${sold.id}/refunds`)
        .set(bearer(a.manager.accessToken))
        .send({
          lines: [{ saleLineId: sold.lines[0].id, quantity: 1, restock: false }],
          tenders: [{ type: 'cash', amountMinor: 1000 }],
          reason: 'x',
          registerId: r2,
        }),
      201,
    ).body;
    expect([refund.registerId, refund.shiftId]).toEqual([r2, s2.id]);
    const afterVoid = expectStatus(
      await http().post(`/api/v1/sales/${voided.id}/void`).set(bearer(a.manager.accessToken)).send({ reason: 'Rung twice', registerId: r2 }),
      200,
    ).body;
    expect([afterVoid.shiftId, afterVoid.voidRegisterId, afterVoid.voidShiftId]).toEqual([s1.id, r2, s2.id]);
    const y1 = expectStatus(await report(a, s1.id), 200).body;
    const y2 = expectStatus(await report(a, s2.id), 200).body;
    expect([y1.sales.count, y1.refunds.count, y1.voids.count, y1.cash.expectedMinor]).toEqual([3, 0, 0, 5000 + 1000 + 700 + 1000 + 1000]);
    expect([y2.refunds.count, y2.voids.count, y2.cash.refundsMinor, y2.cash.voidsMinor, y2.cash.expectedMinor]).toEqual([1, 1, 1000, 1000, 0 - 1000 - 1000]);

    expectStatus(await close(a, s1.id, { countedCashMinor: 8700 }), 200);
    const twice = await close(a, s1.id, { countedCashMinor: 8700 });
    expect([twice.status, twice.body.code]).toEqual([409, ErrorCode.ShiftClosed]);
    const late = await move(a, s1.id, { type: 'pay_in', amountMinor: 100, reason: 'Late' });
    expect([late.status, late.body.code]).toEqual([409, ErrorCode.ShiftClosed]);
    // The register may open its next shift once the last one is closed.
    expectStatus(await openShift(a, r1, { openingFloatMinor: 8700 }), 201);

    const list = expectStatus(await http().get(`/api/v1/shifts?registerId=${r2}`).set(bearer(a.manager.accessToken)), 200).body.items;
    expect(list.map((shift: { id: string }) => shift.id)).toEqual([s2.id]);
    const current = expectStatus(await http().get(`/api/v1/registers/${r2}/shifts/current`).set(bearer(a.cashier.accessToken)), 200).body;
    expect(current.shift.id).toBe(s2.id);
  });

  it("names the first and last receipt of the shift and the register's numbers missing between them", async () => {
    const register = await newPosRegister(a, a.stores[0].id);
    const product = await newProduct(a, { priceMinor: 100 });
    const shift = expectStatus(await openShift(a, register, { openingFloatMinor: 0 }), 201).body;
    await sellOn(a, register, product.id, [{ type: 'card', amountMinor: 100 }]);
    await sellOn(a, register, product.id, [{ type: 'card', amountMinor: 100 }]);
    // Receipts 3 and 4 never arrive (a till that lost them); 5 and 7 do, 6 does not.
    receiptNumbers.set(register, 4);
    await sellOn(a, register, product.id, [{ type: 'card', amountMinor: 100 }]);
    receiptNumbers.set(register, 6);
    await sellOn(a, register, product.id, [{ type: 'card', amountMinor: 100 }]);
    const x = expectStatus(await report(a, shift.id), 200).body;
    expect(x.receipts).toEqual({
      firstNumber: 1,
      lastNumber: 7,
      gaps: [
        { from: 3, to: 4 },
        { from: 6, to: 6 },
      ],
      missingCount: 3,
    });
    expect(x.tenders).toEqual([{ type: 'card', salesMinor: 400, changeMinor: 0, refundsMinor: 0, voidsMinor: 0, netMinor: 400 }]);
    expect(x.cash.expectedMinor).toBe(0);
    const text = expectStatus(await report(a, shift.id, 'text'), 200).text.split('\n');
    expect(text).toEqual(expect.arrayContaining(['Receipts                               1-7', 'Missing receipts                         3', '  3-4', '  6']));
  });

  it('closes a shift once under 20 concurrent closes: one Z-report, 19 × 409 shift_closed', async () => {
    const register = await newPosRegister(a, a.stores[0].id);
    const shift = expectStatus(await openShift(a, register, { openingFloatMinor: 1000 }), 201).body;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => close(a, shift.id, { countedCashMinor: 1000 + index })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409 && answer.body.code === ErrorCode.ShiftClosed)).toHaveLength(19);
    const winner = answers.find((answer) => answer.status === 200)?.body;
    const rows = await ownerQuery<{ zNumber: number; counted: number }>(
      api,
      `SELECT z_number AS "zNumber", counted_cash_minor AS counted FROM shift WHERE register_id = $1 AND status = 'closed'`,
      [register],
    );
    expect(rows).toEqual([{ zNumber: 1, counted: winner.countedCashMinor }]);
    const events = await ownerQuery(api, `SELECT id FROM outbox_event WHERE type = 'shift.closed' AND aggregate_id = $1`, [shift.id]);
    expect(events).toHaveLength(1);
  });

  it('numbers Z-reports 1..5 on each of 3 registers closing at once, with no gap and no duplicate', async () => {
    const registers = [await newPosRegister(a, a.stores[1].id), await newPosRegister(a, a.stores[1].id), await newPosRegister(a, a.stores[1].id)];
    const numbers = await Promise.all(
      registers.map(async (register) => {
        const taken: number[] = [];
        for (let round = 0; round < 5; round++) {
          const shift = expectStatus(await openShift(a, register, { openingFloatMinor: 100 * round }), 201).body;
          // Three devices race to close the same shift while the other registers close theirs.
          const answers = await Promise.all([0, 1, 2].map(() => close(a, shift.id, { countedCashMinor: 100 * round })));
          expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
          taken.push(answers.find((answer) => answer.status === 200)?.body.zNumber);
        }
        return taken;
      }),
    );
    expect(numbers).toEqual([
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 5],
    ]);
    const stored = await ownerQuery<{ registerId: string; zNumbers: number[] }>(
      api,
      `SELECT register_id AS "registerId", array_agg(z_number ORDER BY z_number) AS "zNumbers" FROM shift WHERE register_id = ANY($1) GROUP BY register_id`,
      [registers],
    );
    expect(stored.map((row) => row.zNumbers)).toEqual([
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 5],
    ]);
  });

  it('refuses POS sales without an open shift when the shop requires one, and stamps the shift once it is open', async () => {
    const register = await newPosRegister(a, a.stores[0].id);
    const product = await newProduct(a, { priceMinor: 300 });
    expectStatus(await http().patch('/api/v1/shift-settings').set(bearer(a.owner.accessToken)).send({ requireOpenShift: true }), 200);
    try {
      const refused = await sell(a.manager.accessToken, {
        storeId: a.stores[0].id,
        registerId: register,
        receiptNumber: 1,
        lines: [{ productId: product.id, quantity: 1 }],
        tenders: [{ type: 'cash', amountMinor: 300 }],
      });
      expect([refused.status, refused.body.code, refused.body.errors?.[0]?.field]).toEqual([409, ErrorCode.ShiftNotOpen, 'registerId']);
      // The store's api register (back office, partners) has no drawer: it sells regardless.
      const online = expectStatus(
        await sell(a.manager.accessToken, {
          storeId: a.stores[0].id,
          lines: [{ productId: product.id, quantity: 1 }],
          tenders: [{ type: 'card', amountMinor: 300 }],
        }),
        201,
      ).body;
      expect(online.shiftId).toBeNull();
      const shift = expectStatus(await openShift(a, register, { openingFloatMinor: 0 }), 201).body;
      const sold = await sellOn(a, register, product.id, [{ type: 'cash', amountMinor: 300 }]);
      expect(sold.shiftId).toBe(shift.id);
    } finally {
      expectStatus(await http().patch('/api/v1/shift-settings').set(bearer(a.owner.accessToken)).send({ requireOpenShift: false }), 200);
    }
  });

  it("hides the expected cash from a cashier's X-report under blind count, and keeps cashiers to their stores' registers and out of the list", async () => {
    const register = await newPosRegister(a, a.stores[0].id);
    const shift = expectStatus(await openShift(a, register, { openingFloatMinor: 2500 }, a.cashier.accessToken), 201).body;
    expect(shift.openedBy).toEqual({ type: 'user', id: a.cashier.id });
    const seen = expectStatus(await report(a, shift.id, 'json', a.cashier.accessToken), 200).body;
    expect([seen.cash.openingFloatMinor, seen.cash.expectedMinor]).toEqual([2500, null]);
    expect(expectStatus(await report(a, shift.id, 'text', a.cashier.accessToken), 200).text).not.toMatch(/Expected/);
    expect(expectStatus(await report(a, shift.id), 200).body.cash.expectedMinor).toBe(2500);
    expect((await http().get('/api/v1/shifts').set(bearer(a.cashier.accessToken))).status).toBe(403);

    const elsewhere = await newPosRegister(a, a.stores[1].id);
    const refused = await openShift(a, elsewhere, { openingFloatMinor: 0 }, a.cashier.accessToken);
    expect([refused.status, refused.body.code]).toEqual([404, ErrorCode.RegisterNotFound]);
    const closed = expectStatus(await close(a, shift.id, { countedCashMinor: 2400 }, a.cashier.accessToken), 200).body;
    expect([closed.expectedCashMinor, closed.overShortMinor]).toEqual([2500, -100]);
  });

  it('replays a till resending an opening, a movement or a close, and takes the times of an offline till only from that till', async () => {
    const till = await tillSession(api.app, a, { user: a.cashier });
    const id = uuidv7();
    const occurredAt = new Date(Date.now() - 3_600_000).toISOString();
    const body = { id, openingFloatMinor: 4000, occurredAt };
    const opened = expectStatus(await openShift(a, till.registerId, body, till.accessToken), 201);
    const resent = expectStatus(await openShift(a, till.registerId, body, till.accessToken), 201);
    expect(resent.headers['idempotent-replayed']).toBe('true');
    expect(resent.body).toEqual(opened.body);
    expect([opened.body.offline, opened.body.openedAt]).toEqual([true, occurredAt]);
    const otherBody = await openShift(a, till.registerId, { ...body, openingFloatMinor: 1 }, till.accessToken);
    expect([otherBody.status, otherBody.body.code, otherBody.body.errors?.[0]?.field]).toEqual([409, ErrorCode.Conflict, 'id']);

    const movement = { id: uuidv7(), type: 'pay_in', amountMinor: 500, reason: 'Coins', occurredAt };
    const moved = expectStatus(await move(a, id, movement, till.accessToken), 201);
    expect(expectStatus(await move(a, id, movement, till.accessToken), 201).body).toEqual(moved.body);
    const fromBackOffice = await move(a, id, { type: 'pay_in', amountMinor: 1, reason: 'x', occurredAt }, a.manager.accessToken);
    expect([fromBackOffice.status, fromBackOffice.body.code, fromBackOffice.body.errors?.[0]?.field]).toEqual([403, ErrorCode.Forbidden, 'occurredAt']);

    const key = uuidv7();
    const closeBody = { countedCashMinor: 4500 };
    const first = expectStatus(await close(a, id, closeBody, till.accessToken).set('idempotency-key', key), 200);
    const retried = expectStatus(await close(a, id, closeBody, till.accessToken).set('idempotency-key', key), 200);
    expect(retried.body).toEqual(first.body);
    expect(first.body).toMatchObject({ zNumber: 1, expectedCashMinor: 4500, overShortMinor: 0 });
    // Resent after the close, the movement still replays.
    expect(expectStatus(await move(a, id, movement, till.accessToken), 201).body).toEqual(moved.body);
  });

  it('refuses bad input naming the field', async () => {
    const register = await newPosRegister(a, a.stores[0].id);
    const cases: [object, string][] = [
      [{ openingFloatMinor: -1 }, 'openingFloatMinor'],
      [{ openingFloatMinor: 1.5 }, 'openingFloatMinor'],
      [{}, 'openingFloatMinor'],
      [{ openingFloatMinor: 0, extra: true }, 'extra'],
      [{ openingFloatMinor: 0, id: 'not-a-uuid' }, 'id'],
    ];
    for (const [body, field] of cases) {
      const answer = await openShift(a, register, body);
      const fields = new Set(answer.body.errors?.map((error: { field: string }) => error.field));
      expect([answer.status, answer.body.code, [...fields]]).toEqual([400, ErrorCode.ValidationFailed, [field]]);
    }
    const shift = expectStatus(await openShift(a, register, { openingFloatMinor: 1000 }), 201).body;
    const badMovements: [object, string][] = [
      [{ type: 'tip', amountMinor: 100, reason: 'x' }, 'type'],
      [{ type: 'pay_in', amountMinor: 0, reason: 'x' }, 'amountMinor'],
      [{ type: 'pay_out', amountMinor: 100, reason: '' }, 'reason'],
    ];
    for (const [body, field] of badMovements) {
      const answer = await move(a, shift.id, body);
      expect([answer.status, answer.body.errors?.[0]?.field]).toEqual([400, field]);
    }
    const mismatch = await close(a, shift.id, { countedCashMinor: 1000, denominations: [{ valueMinor: 500, count: 1 }] });
    expect([mismatch.status, mismatch.body.code, mismatch.body.errors?.[0]?.field]).toEqual([422, ErrorCode.DenominationsMismatch, 'denominations']);
    const unknown = await close(a, shift.id, { countedCashMinor: 1000, denominations: [{ valueMinor: 250, count: 4 }] });
    expect([unknown.status, unknown.body.errors?.[0]?.field]).toEqual([400, 'denominations.0.valueMinor']);
    const negative = await close(a, shift.id, { countedCashMinor: -5 });
    expect([negative.status, negative.body.errors?.[0]?.field]).toEqual([400, 'countedCashMinor']);
    const badQuery = await http().get('/api/v1/shifts?status=ajar').set(bearer(a.manager.accessToken));
    expect([badQuery.status, badQuery.body.errors?.[0]?.field]).toEqual([400, 'status']);
    const badFormat = await report(a, shift.id, 'pdf');
    expect([badFormat.status, badFormat.body.errors?.[0]?.field]).toEqual([400, 'format']);
    const badRegister = await http().post(`/api/v1/sales/${uuidv7()}/void`).set(bearer(a.manager.accessToken)).send({ reason: 'x', registerId: 'nope' });
    expect([badRegister.status, badRegister.body.errors?.[0]?.field]).toEqual([400, 'registerId']);
    // Still open: nothing above changed it.
    expect(expectStatus(await http().get(`/api/v1/shifts/${shift.id}`).set(bearer(a.manager.accessToken)), 200).body.status).toBe('open');
  });

  it("keeps each shop's shifts to itself", async () => {
    const register = await newPosRegister(a, a.stores[0].id);
    const shift = expectStatus(await openShift(a, register, { openingFloatMinor: 100 }), 201).body;
    for (const answer of [
      await http().get(`/api/v1/shifts/${shift.id}`).set(bearer(b.owner.accessToken)),
      await report(a, shift.id, 'json', b.owner.accessToken),
      await move(a, shift.id, { type: 'pay_in', amountMinor: 1, reason: 'x' }, b.owner.accessToken),
      await close(a, shift.id, { countedCashMinor: 0 }, b.owner.accessToken),
    ])
      expect([answer.status, answer.body.code]).toEqual([404, ErrorCode.ShiftNotFound]);
    const foreignRegister = await openShift(a, register, { openingFloatMinor: 0 }, b.owner.accessToken);
    expect([foreignRegister.status, foreignRegister.body.code]).toEqual([404, ErrorCode.RegisterNotFound]);
    // A's cash rules (changed by the tests above) are A's alone.
    expect(expectStatus(await http().get('/api/v1/shift-settings').set(bearer(a.owner.accessToken)), 200).body.version).toBeGreaterThan(0);
    expect(expectStatus(await http().get('/api/v1/shift-settings').set(bearer(b.owner.accessToken)), 200).body).toEqual({
      requireOpenShift: false,
      blindCount: true,
      discrepancyThresholdMinor: 0,
      version: 0,
    });
    const listed = expectStatus(await http().get('/api/v1/shifts').set(bearer(b.owner.accessToken)), 200).body.items;
    expect(listed.map((item: { id: string }) => item.id)).not.toContain(shift.id);
    const refundFromForeignDrawer = await http()
      .post(`/api/v1/sales/${uuidv7()}/refunds`)
      .set(bearer(b.owner.accessToken))
      .send({ lines: [{ saleLineId: uuidv7(), quantity: 1, restock: false }], tenders: [{ type: 'cash', amountMinor: 1 }], reason: 'x', registerId: register });
    expect(refundFromForeignDrawer.status).toBe(404);
  });
});
