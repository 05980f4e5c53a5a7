import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { eventually } from '@kassa/testing';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

interface EventRow {
  type: string;
  aggregateId: string;
  data: Record<string, unknown>;
}

type Status = 'draft' | 'submitted' | 'approved' | 'rejected' | 'ordered' | 'partially_received' | 'received' | 'closed' | 'cancelled';

describe('purchase orders', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const as = (token: string) => ({
    get: (path: string) => http().get(path).set(bearer(token)),
    post: (path: string, body: object = {}) => http().post(path).set(bearer(token)).send(body),
    patch: (path: string, body: object) => http().patch(path).set(bearer(token)).send(body),
    put: (path: string, body: object) => http().put(path).set(bearer(token)).send(body),
  });
  const owner = (shop: TenantFixture) => as(shop.owner.accessToken);

  async function newProduct(shop: TenantFixture, overrides: object = {}): Promise<{ id: string; version: number; costMinor: number | null }> {
    const sku = `P-${uuidv7().slice(-10)}`;
    return expectStatus(await owner(shop).post('/api/v1/products', { sku, name: `Product ${sku}`, priceMinor: 250, ...overrides }), 201).body;
  }

  async function newSupplier(shop: TenantFixture, overrides: object = {}): Promise<{ id: string; name: string }> {
    return expectStatus(await owner(shop).post('/api/v1/suppliers', { name: `Supplier ${uuidv7().slice(-6)}`, leadTimeDays: 3, ...overrides }), 201).body;
  }

  async function newOrder(
    shop: TenantFixture,
    lines: { productId: string; quantity: number; unitCostMinor?: number }[],
    supplierId?: string,
    storeId?: string,
  ) {
    const supplier = supplierId ?? (await newSupplier(shop)).id;
    return expectStatus(await owner(shop).post('/api/v1/purchase-orders', { supplierId: supplier, storeId: storeId ?? shop.stores[0].id, lines }), 201)
      .body as { id: string; number: string; version: number; status: Status; lines: { id: string; productId: string }[]; totalMinor: number };
  }

  const act = (shop: TenantFixture, id: string, action: string, token = shop.owner.accessToken, body: object = {}) =>
    as(token).post(`/api/v1/purchase-orders/${id}/${action}`, body);

  async function orderedOrder(shop: TenantFixture, lines: { productId: string; quantity: number; unitCostMinor?: number }[], storeId?: string) {
    const order = await newOrder(shop, lines, undefined, storeId);
    for (const action of ['submit', 'approve', 'order']) expectStatus(await act(shop, order.id, action), 200);
    return order;
  }

  const receive = (shop: TenantFixture, id: string, body: object, key?: string, token = shop.owner.accessToken) => {
    const pending = http().post(`/api/v1/purchase-orders/${id}/receipts`).set(bearer(token));
    return (key ? pending.set('idempotency-key', key) : pending).send(body);
  };

  const onHand = async (shop: TenantFixture, storeId: string, productId: string): Promise<number> =>
    expectStatus(await owner(shop).get(`/api/v1/inventory/levels?storeId=${storeId}&productId=${productId}`), 200).body.items[0]?.onHand ?? 0;

  const ledger = async (shop: TenantFixture, storeId: string, productId: string) =>
    expectStatus(await owner(shop).get(`/api/v1/inventory/ledger?storeId=${storeId}&productId=${productId}&limit=200`), 200).body.items as {
      delta: number;
      reason: string;
      referenceType: string | null;
      referenceId: string | null;
    }[];

  const onOrder = async (shop: TenantFixture, storeId: string, productId: string): Promise<number> =>
    expectStatus(await owner(shop).get(`/api/v1/purchasing/on-order?storeId=${storeId}&productId=${productId}`), 200).body.items[0]?.quantity ?? 0;

  beforeAll(async () => {
    api = await startTestApi({ env: { OUTBOX_POLL_MS: '200' } });
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  it('receives a PO of 10 as 4 then 6: received, two receipt ledger rows, on hand +10, and 1 more is an over-receipt', async () => {
    const product = await newProduct(a);
    const store = a.stores[0].id;
    const order = await orderedOrder(a, [{ productId: product.id, quantity: 10, unitCostMinor: 80 }]);
    const lineId = order.lines[0].id;
    const first = expectStatus(await receive(a, order.id, { lines: [{ lineId, quantity: 4 }], note: 'First pallet' }), 201).body;
    expect(first.purchaseOrder).toMatchObject({ status: 'partially_received', lines: [{ receivedQuantity: 4, outstandingQuantity: 6 }] });
    expect(await onOrder(a, store, product.id)).toBe(6);
    const second = expectStatus(await receive(a, order.id, { lines: [{ lineId, quantity: 6 }] }, undefined, a.cashier.accessToken), 201).body;
    expect(second.purchaseOrder).toMatchObject({ status: 'received', lines: [{ receivedQuantity: 10, outstandingQuantity: 0 }] });
    expect(await onHand(a, store, product.id)).toBe(10);
    const rows = await ledger(a, store, product.id);
    expect(rows.map((row) => [row.delta, row.reason, row.referenceType]).sort()).toEqual([
      [4, 'receipt', 'purchase_order_receipt'],
      [6, 'receipt', 'purchase_order_receipt'],
    ]);
    expect(rows.map((row) => row.referenceId).sort()).toEqual([first.id, second.id].sort());

    const more = await receive(a, order.id, { lines: [{ lineId, quantity: 1 }] });
    expect(more.status).toBe(409);
    expect(more.body).toMatchObject({ code: ErrorCode.OverReceipt, errors: [{ field: 'lines.0.quantity' }] });
    expect(await onHand(a, store, product.id)).toBe(10);
    expect(await onOrder(a, store, product.id)).toBe(0);
    const receipts = expectStatus(await owner(a).get(`/api/v1/purchase-orders/${order.id}/receipts`), 200).body.items;
    expect(receipts.map((receipt: { id: string }) => receipt.id)).toEqual([first.id, second.id]);
  });

  it('takes in more than was ordered only with allowOver from someone holding purchasing:approve', async () => {
    const product = await newProduct(a);
    const order = await orderedOrder(a, [{ productId: product.id, quantity: 2, unitCostMinor: 50 }]);
    const body = { lines: [{ lineId: order.lines[0].id, quantity: 3 }], allowOver: true };
    const byCashier = await receive(a, order.id, body, undefined, a.cashier.accessToken);
    expect(byCashier.status).toBe(403);
    expect(byCashier.body.errors[0].field).toBe('allowOver');
    const byManager = expectStatus(await receive(a, order.id, body, undefined, a.manager.accessToken), 201).body;
    expect(byManager.purchaseOrder).toMatchObject({ status: 'received', lines: [{ receivedQuantity: 3, outstandingQuantity: 0 }] });
  });

  it('lets a cashier, who receives but may not read purchasing, open and list only the orders to receive', async () => {
    const product = await newProduct(a);
    const cashier = as(a.cashier.accessToken);
    const draft = await newOrder(a, [{ productId: product.id, quantity: 3, unitCostMinor: 40 }]);
    const ordered = await orderedOrder(a, [{ productId: product.id, quantity: 5, unitCostMinor: 40 }]);
    const opened = expectStatus(await cashier.get(`/api/v1/purchase-orders/${ordered.id}`), 200);
    expect(opened.body).toMatchObject({ id: ordered.id, status: 'ordered', lines: [{ productId: product.id, outstandingQuantity: 5 }] });
    expect(opened.headers['etag']).toBe(`"${ordered.version + 3}"`);
    const hidden = await cashier.get(`/api/v1/purchase-orders/${draft.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe(ErrorCode.PurchaseOrderNotFound);

    const listed = (status?: string) => cashier.get(`/api/v1/purchase-orders?limit=200${status ? `&status=${status}` : ''}`);
    const ids = (response: request.Response) => (response.body.items as { id: string; status: Status }[]).map((order) => order.id);
    const all = expectStatus(await listed(), 200);
    expect(ids(all)).toContain(ordered.id);
    expect(ids(all)).not.toContain(draft.id);
    expect(new Set((all.body.items as { status: Status }[]).map((order) => order.status))).toEqual(new Set(['ordered']));
    expect(ids(expectStatus(await listed('draft'), 200))).toEqual([]);
    expect(ids(expectStatus(await listed('ordered'), 200))).toContain(ordered.id);
    expect(ids(expectStatus(await as(a.manager.accessToken).get('/api/v1/purchase-orders?limit=200'), 200))).toEqual(
      expect.arrayContaining([draft.id, ordered.id]),
    );

    const receipt = expectStatus(
      await receive(a, ordered.id, { lines: [{ lineId: ordered.lines[0].id, quantity: 2 }] }, undefined, a.cashier.accessToken),
      201,
    );
    expect(receipt.body.purchaseOrder).toMatchObject({ status: 'partially_received' });
    expectStatus(await cashier.get(`/api/v1/purchase-orders/${ordered.id}`), 200);
    for (const refused of [
      cashier.get(`/api/v1/purchase-orders/${ordered.id}/receipts`),
      cashier.get(`/api/v1/purchase-orders/${ordered.id}/document`),
      cashier.get('/api/v1/suppliers'),
    ]) {
      expect((await refused).status).toBe(403);
    }
    expect((await http().get(`/api/v1/purchase-orders/${ordered.id}`).set(bearer(b.cashier.accessToken))).status).toBe(404);
  });

  it('counts nothing more as on order once a PO is closed after 4 of 10', async () => {
    const product = await newProduct(a);
    const store = a.stores[0].id;
    const order = await orderedOrder(a, [{ productId: product.id, quantity: 10, unitCostMinor: 80 }]);
    expect(await onOrder(a, store, product.id)).toBe(10);
    expectStatus(await receive(a, order.id, { lines: [{ lineId: order.lines[0].id, quantity: 4 }] }), 201);
    expect(await onOrder(a, store, product.id)).toBe(6);
    const closed = expectStatus(await act(a, order.id, 'close'), 200).body;
    expect(closed).toMatchObject({ status: 'closed', lines: [{ receivedQuantity: 4 }] });
    expect(await onOrder(a, store, product.id)).toBe(0);
    expect(expectStatus(await owner(a).get(`/api/v1/purchasing/on-order?storeId=${store}`), 200).body.items).not.toContainEqual(
      expect.objectContaining({ productId: product.id }),
    );
    const late = await receive(a, order.id, { lines: [{ lineId: order.lines[0].id, quantity: 1 }] });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe(ErrorCode.InvalidTransition);
  });

  it('keeps the cost as the weighted average over every store, rounded half to even (the worked example, to the cent)', async () => {
    const product = await newProduct(a, { costMinor: 100 });
    const [main, dock] = a.stores.map((store) => store.id);
    // 3 on hand at 1.00: two in the main store, one in the other.
    for (const [storeId, delta] of [
      [main, 2],
      [dock, 1],
    ] as const) {
      expectStatus(await owner(a).post('/api/v1/inventory/adjustments', { storeId, productId: product.id, delta, reason: 'adjustment' }), 201);
    }
    const first = await orderedOrder(a, [{ productId: product.id, quantity: 1, unitCostMinor: 102 }]);
    expectStatus(await receive(a, first.id, { lines: [{ lineId: first.lines[0].id, quantity: 1 }] }), 201);
    const afterFirst = expectStatus(await owner(a).get(`/api/v1/products/${product.id}`), 200).body;
    // (3·100 + 1·102) / 4 = 100.5 → 1.00
    expect(afterFirst).toMatchObject({ costMinor: 100, version: product.version + 1 });

    const second = await orderedOrder(a, [{ productId: product.id, quantity: 4, unitCostMinor: 90 }]);
    // The invoice says 1.03, not the 0.90 ordered.
    expectStatus(await receive(a, second.id, { lines: [{ lineId: second.lines[0].id, quantity: 4, unitCostMinor: 103 }] }), 201);
    const afterSecond = expectStatus(await owner(a).get(`/api/v1/products/${product.id}`), 200).body;
    // (4·100 + 4·103) / 8 = 101.5 → 1.02
    expect(afterSecond).toMatchObject({ costMinor: 102, version: product.version + 2 });

    const events = await eventually(
      async () => expectStatus(await http().get('/api/v1/events?types=product.updated&limit=200').set(bearer(a.apiKey)), 200).body.items,
      (items: EventRow[]) => items.filter((event) => event.aggregateId === product.id).length === 2,
    );
    const costs = events.filter((event) => event.aggregateId === product.id).map((event) => event.data['costMinor']);
    expect(costs).toEqual([100, 102]);
  });

  it('takes the receipt’s unit cost when nothing was on hand or no cost was known', async () => {
    const unknownCost = await newProduct(a);
    const negative = await newProduct(a, { costMinor: 500 });
    expectStatus(await owner(a).patch('/api/v1/tenant', { allowNegativeStock: true }), 200);
    expectStatus(await owner(a).post('/api/v1/inventory/adjustments', { storeId: a.stores[1].id, productId: negative.id, delta: -2, reason: 'loss' }), 201);
    expectStatus(await owner(a).patch('/api/v1/tenant', { allowNegativeStock: false }), 200);
    const order = await orderedOrder(a, [
      { productId: unknownCost.id, quantity: 3, unitCostMinor: 77 },
      { productId: negative.id, quantity: 3, unitCostMinor: 450 },
    ]);
    expectStatus(await receive(a, order.id, { lines: order.lines.map((line) => ({ lineId: line.id, quantity: 3 })) }), 201);
    expect(expectStatus(await owner(a).get(`/api/v1/products/${unknownCost.id}`), 200).body.costMinor).toBe(77);
    expect(expectStatus(await owner(a).get(`/api/v1/products/${negative.id}`), 200).body.costMinor).toBe(450);
  });

  describe('approval', () => {
    it('refuses a cashier (403) and a manager above the threshold (403 approval_limit_exceeded); an owner approves', async () => {
      expectStatus(await owner(a).patch('/api/v1/purchasing/settings', { approvalThresholdMinor: 10_000 }), 200);
      const product = await newProduct(a);
      const big = await newOrder(a, [{ productId: product.id, quantity: 101, unitCostMinor: 100 }]);
      expectStatus(await act(a, big.id, 'submit'), 200);
      const byCashier = await act(a, big.id, 'approve', a.cashier.accessToken);
      expect(byCashier.status).toBe(403);
      expect(byCashier.body.code).toBe(ErrorCode.Forbidden);
      const byManager = await act(a, big.id, 'approve', a.manager.accessToken);
      expect(byManager.status).toBe(403);
      expect(byManager.body.code).toBe(ErrorCode.ApprovalLimitExceeded);
      const approved = expectStatus(await act(a, big.id, 'approve', a.owner.accessToken), 200).body;
      expect(approved).toMatchObject({ status: 'approved', approvedBy: a.owner.id });

      const small = await newOrder(a, [{ productId: product.id, quantity: 100, unitCostMinor: 100 }]);
      expectStatus(await act(a, small.id, 'submit'), 200);
      expect(expectStatus(await act(a, small.id, 'approve', a.manager.accessToken), 200).body).toMatchObject({ status: 'approved', approvedBy: a.manager.id });
      expectStatus(await owner(a).patch('/api/v1/purchasing/settings', { approvalThresholdMinor: null }), 200);
    });

    it('lets only owners change the purchasing settings', async () => {
      expect((await as(a.manager.accessToken).patch('/api/v1/purchasing/settings', { reviewPeriodDays: 14 })).status).toBe(403);
      expect(expectStatus(await as(a.manager.accessToken).get('/api/v1/purchasing/settings'), 200).body).toMatchObject({ reviewPeriodDays: 7 });
    });

    it('refuses to order a rejected PO (409 invalid_transition), and reopens it as a draft', async () => {
      const product = await newProduct(a);
      const order = await newOrder(a, [{ productId: product.id, quantity: 1, unitCostMinor: 100 }]);
      expectStatus(await act(a, order.id, 'submit'), 200);
      const rejected = expectStatus(await act(a, order.id, 'reject', a.manager.accessToken, { reason: 'Too early' }), 200).body;
      expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'Too early' });
      const ordered = await act(a, order.id, 'order');
      expect(ordered.status).toBe(409);
      expect(ordered.body).toMatchObject({ code: ErrorCode.InvalidTransition, errors: [{ field: 'status' }] });
      expect(expectStatus(await act(a, order.id, 'reopen'), 200).body).toMatchObject({ status: 'draft', rejectionReason: null });
      const audit = expectStatus(await owner(a).get(`/api/v1/audit-logs?entityType=purchase_order&entityId=${order.id}`), 200).body.items;
      expect(audit.map((entry: { action: string }) => entry.action)).toEqual(expect.arrayContaining(['create', 'reject', 'update']));
    });

    it('refuses a stale If-Match with 412 and takes a current one', async () => {
      const product = await newProduct(a);
      const order = await newOrder(a, [{ productId: product.id, quantity: 1, unitCostMinor: 100 }]);
      const stale = await http().post(`/api/v1/purchase-orders/${order.id}/submit`).set(bearer(a.owner.accessToken)).set('if-match', '"7"');
      expect(stale.status).toBe(412);
      const fresh = expectStatus(
        await http().post(`/api/v1/purchase-orders/${order.id}/submit`).set(bearer(a.owner.accessToken)).set('if-match', `"${order.version}"`),
        200,
      );
      expect(fresh.headers.etag).toBe(`"${order.version + 1}"`);
    });
  });

  describe('the state machine', () => {
    const ACTIONS = ['submit', 'approve', 'reject', 'reopen', 'order', 'close', 'cancel'] as const;
    const ALLOWED: Record<string, Status> = {
      'draft submit': 'submitted',
      'draft cancel': 'cancelled',
      'submitted approve': 'approved',
      'submitted reject': 'rejected',
      'submitted cancel': 'cancelled',
      'rejected reopen': 'draft',
      'approved order': 'ordered',
      'approved cancel': 'cancelled',
      'ordered close': 'closed',
      'partially_received close': 'closed',
    };
    /** How to bring a fresh order to each state. */
    const PATHS: Record<Status, string[]> = {
      draft: [],
      submitted: ['submit'],
      approved: ['submit', 'approve'],
      rejected: ['submit', 'reject'],
      ordered: ['submit', 'approve', 'order'],
      partially_received: ['submit', 'approve', 'order', 'receive 1'],
      received: ['submit', 'approve', 'order', 'receive 2'],
      closed: ['submit', 'approve', 'order', 'close'],
      cancelled: ['cancel'],
    };
    let productId: string;
    let supplierId: string;

    beforeAll(async () => {
      productId = (await newProduct(a)).id;
      supplierId = (await newSupplier(a)).id;
    });

    async function orderIn(status: Status) {
      const order = await newOrder(a, [{ productId, quantity: 2, unitCostMinor: 10 }], supplierId);
      for (const step of PATHS[status]) {
        if (step.startsWith('receive')) {
          expectStatus(await receive(a, order.id, { lines: [{ lineId: order.lines[0].id, quantity: Number(step.split(' ')[1]) }] }), 201);
        } else {
          expectStatus(await act(a, order.id, step, a.owner.accessToken, step === 'reject' ? { reason: 'No' } : {}), 200);
        }
      }
      return order;
    }

    it.each(Object.keys(PATHS) as Status[])(
      'from %s allows exactly the transitions of the issue and refuses every other with 409 invalid_transition',
      async (status) => {
        const outcomes: string[] = [];
        const expected: string[] = [];
        for (const action of ACTIONS) {
          const order = await orderIn(status);
          const response = await act(a, order.id, action, a.owner.accessToken, action === 'reject' ? { reason: 'No' } : {});
          outcomes.push(`${status} ${action}: ${response.status} ${response.status === 200 ? response.body.status : response.body.code}`);
          const to = ALLOWED[`${status} ${action}`];
          expected.push(`${status} ${action}: ${to ? `200 ${to}` : `409 ${ErrorCode.InvalidTransition}`}`);
        }
        expect(outcomes).toEqual(expected);
      },
    );

    it('edits drafts only', async () => {
      const draft = await orderIn('draft');
      const edited = expectStatus(
        await owner(a).patch(`/api/v1/purchase-orders/${draft.id}`, { note: 'Ask for the blue ones', lines: [{ productId, quantity: 5 }] }),
        200,
      ).body;
      expect(edited).toMatchObject({ note: 'Ask for the blue ones', lines: [{ productId, quantity: 5 }], version: draft.version + 1 });
      const submitted = await orderIn('submitted');
      const refused = await owner(a).patch(`/api/v1/purchase-orders/${submitted.id}`, { note: 'Too late' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe(ErrorCode.InvalidTransition);
    });
  });

  describe('concurrent receipts', () => {
    it('records one receipt for 5 concurrent requests with one Idempotency-Key', async () => {
      const product = await newProduct(a);
      const order = await orderedOrder(a, [{ productId: product.id, quantity: 10, unitCostMinor: 80 }]);
      const key = `receipt-${uuidv7()}`;
      const body = { lines: [{ lineId: order.lines[0].id, quantity: 3 }] };
      const responses = await Promise.all(Array.from({ length: 5 }, () => receive(a, order.id, body, key)));
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect(expectStatus(await owner(a).get(`/api/v1/purchase-orders/${order.id}/receipts`), 200).body.items).toHaveLength(1);
      expect(await onHand(a, a.stores[0].id, product.id)).toBe(3);
      expect(await ledger(a, a.stores[0].id, product.id)).toHaveLength(1);
    });

    it('lets one of two concurrent receipts of the last 5 units through and refuses the other with 409', async () => {
      const product = await newProduct(a);
      const order = await orderedOrder(a, [{ productId: product.id, quantity: 10, unitCostMinor: 80 }]);
      const lineId = order.lines[0].id;
      expectStatus(await receive(a, order.id, { lines: [{ lineId, quantity: 5 }] }), 201);
      const responses = await Promise.all(
        ['left', 'right'].map((side) => receive(a, order.id, { lines: [{ lineId, quantity: 5 }], note: side }, `last-five-${side}-${uuidv7()}`)),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
      expect(responses.find((response) => response.status === 409)?.body.code).toBe(ErrorCode.OverReceipt);
      expect(await onHand(a, a.stores[0].id, product.id)).toBe(10);
      expect(expectStatus(await owner(a).get(`/api/v1/purchase-orders/${order.id}`), 200).body).toMatchObject({
        status: 'received',
        lines: [{ receivedQuantity: 10 }],
      });
    });
  });

  it('numbers orders PO-000001, PO-000002… per shop without gaps, a refused order taking no number', async () => {
    const product = await newProduct(b);
    const supplier = await newSupplier(b);
    const first = await newOrder(b, [{ productId: product.id, quantity: 1, unitCostMinor: 1 }], supplier.id);
    const foreignProduct = await newProduct(a);
    const refused = await owner(b).post('/api/v1/purchase-orders', {
      supplierId: supplier.id,
      storeId: b.stores[0].id,
      lines: [{ productId: foreignProduct.id, quantity: 1, unitCostMinor: 1 }],
    });
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ code: ErrorCode.ProductNotFound, errors: [{ field: 'lines.0.productId' }] });
    const second = await newOrder(b, [{ productId: product.id, quantity: 1, unitCostMinor: 1 }], supplier.id);
    const concurrent = await Promise.all(Array.from({ length: 4 }, () => newOrder(b, [{ productId: product.id, quantity: 1, unitCostMinor: 1 }], supplier.id)));
    expect([first.number, second.number]).toEqual(['PO-000001', 'PO-000002']);
    expect(concurrent.map((order) => order.number).sort()).toEqual(['PO-000003', 'PO-000004', 'PO-000005', 'PO-000006']);
  });

  it('keeps several suppliers per product with one preferred', async () => {
    const product = await newProduct(a);
    const [first, second] = [await newSupplier(a), await newSupplier(a)];
    for (const supplier of [first, second]) {
      expectStatus(await owner(a).put(`/api/v1/suppliers/${supplier.id}/products/${product.id}`, { unitCostMinor: 100, preferred: true }), 200);
    }
    const preferredOf = async (supplierId: string) =>
      expectStatus(await owner(a).get(`/api/v1/suppliers/${supplierId}`), 200).body.products.find(
        (terms: { productId: string }) => terms.productId === product.id,
      ).preferred;
    expect([await preferredOf(first.id), await preferredOf(second.id)]).toEqual([false, true]);
  });

  it('prefills unit costs from the supplier, then the product, and renders a printable page', async () => {
    const product = await newProduct(a, { costMinor: 333 });
    const other = await newProduct(a, { costMinor: 444 });
    const supplier = await newSupplier(a, { email: 'orders@wholesale.test', address: 'Dock 4, Hamburg', paymentTermsDays: 30 });
    expectStatus(await owner(a).put(`/api/v1/suppliers/${supplier.id}/products/${product.id}`, { unitCostMinor: 290, packSize: 6, supplierSku: 'WH-1' }), 200);
    const detail = expectStatus(await owner(a).get(`/api/v1/suppliers/${supplier.id}`), 200).body;
    expect(detail.products).toMatchObject([{ productId: product.id, sku: expect.stringMatching(/^P-/), supplierSku: 'WH-1', packSize: 6, preferred: false }]);
    const order = await newOrder(
      a,
      [
        { productId: product.id, quantity: 12 },
        { productId: other.id, quantity: 1 },
      ],
      supplier.id,
    );
    expect(order.lines).toMatchObject([
      { productId: product.id, unitCostMinor: 290, packSize: 6 },
      { productId: other.id, unitCostMinor: 444, packSize: null },
    ]);
    expect(order.totalMinor).toBe(12 * 290 + 444);
    const page = expectStatus(await owner(a).get(`/api/v1/purchase-orders/${order.id}/document`), 200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain(order.number);
    expect(page.text).toContain(supplier.name);
    expect(page.text).toContain('Dock 4, Hamburg');
    expect(page.text).toContain('2 × 6');
    expect(page.text).toContain('39.24');
  });

  it('announces supplier.created and purchase_order.created, approved, received and closed', async () => {
    const supplier = await newSupplier(a);
    const product = await newProduct(a);
    const order = await newOrder(a, [{ productId: product.id, quantity: 4, unitCostMinor: 10 }], supplier.id);
    for (const action of ['submit', 'approve', 'order']) expectStatus(await act(a, order.id, action), 200);
    const receipt = expectStatus(await receive(a, order.id, { lines: [{ lineId: order.lines[0].id, quantity: 1 }] }), 201).body;
    expectStatus(await act(a, order.id, 'close'), 200);
    const types = ['supplier.created', 'purchase_order.created', 'purchase_order.approved', 'purchase_order.received', 'purchase_order.closed'];
    const events = await eventually(
      async () =>
        expectStatus(
          await http()
            .get(`/api/v1/events?types=${types.join(',')}&limit=200`)
            .set(bearer(a.apiKey)),
          200,
        ).body.items,
      (items: EventRow[]) => items.filter((event) => [order.id, supplier.id].includes(event.aggregateId)).length === 5,
    );
    const mine = events.filter((event) => [order.id, supplier.id].includes(event.aggregateId));
    expect(mine.map((event) => event.type)).toEqual(types);
    const received = mine.find((event) => event.type === 'purchase_order.received');
    expect(received?.data).toMatchObject({ id: receipt.id, number: order.number, lines: [{ lineId: order.lines[0].id, quantity: 1 }] });
  });

  describe('two shops', () => {
    it("never shows or takes another shop's suppliers, orders or products", async () => {
      const supplierOfA = await newSupplier(a, { name: 'Only Alpha Buys Here' });
      const productOfA = await newProduct(a);
      const orderOfA = await newOrder(a, [{ productId: productOfA.id, quantity: 1, unitCostMinor: 1 }], supplierOfA.id);
      const suppliersOfB = expectStatus(await owner(b).get('/api/v1/suppliers?q=alpha'), 200).body.items;
      expect(suppliersOfB).toEqual([]);
      const ordersOfB = expectStatus(await http().get('/api/v1/purchase-orders?limit=200').set(bearer(b.apiKey)), 200).body.items;
      expect(ordersOfB.map((order: { id: string }) => order.id)).not.toContain(orderOfA.id);
      const productOfB = await newProduct(b);
      const withForeignSupplier = await owner(b).post('/api/v1/purchase-orders', {
        supplierId: supplierOfA.id,
        storeId: b.stores[0].id,
        lines: [{ productId: productOfB.id, quantity: 1, unitCostMinor: 1 }],
      });
      expect(withForeignSupplier.status).toBe(404);
      expect(withForeignSupplier.body).toMatchObject({ code: ErrorCode.SupplierNotFound, errors: [{ field: 'supplierId' }] });
      const supplierOfB = await newSupplier(b);
      const withForeignStore = await owner(b).post('/api/v1/purchase-orders', {
        supplierId: supplierOfB.id,
        storeId: a.stores[0].id,
        lines: [{ productId: productOfB.id, quantity: 1, unitCostMinor: 1 }],
      });
      expect(withForeignStore.status).toBeGreaterThanOrEqual(400);
      expect(withForeignStore.status).toBeLessThan(500);
      expect(withForeignStore.body.errors[0].field).toBe('storeId');
      const foreignProduct = await owner(b).put(`/api/v1/suppliers/${supplierOfB.id}/products/${productOfA.id}`, { unitCostMinor: 1 });
      expect(foreignProduct.status).toBe(404);
      expect(foreignProduct.body).toMatchObject({ code: ErrorCode.ProductNotFound, errors: [{ field: 'productId' }] });
      const foreignReceipt = await receive(b, orderOfA.id, { lines: [{ lineId: orderOfA.lines[0].id, quantity: 1 }] });
      expect(foreignReceipt.status).toBe(404);
      expect(foreignReceipt.body.code).toBe(ErrorCode.PurchaseOrderNotFound);
      const onOrderOfB = expectStatus(await owner(b).get(`/api/v1/purchasing/on-order?productId=${productOfA.id}`), 200).body.items;
      expect(onOrderOfB).toEqual([]);
    });
  });

  describe('bad input', () => {
    it.each([
      ['a supplier without a name', '/api/v1/suppliers', { leadTimeDays: 2 }, 'name'],
      ['a negative lead time', '/api/v1/suppliers', { name: 'S', leadTimeDays: -1 }, 'leadTimeDays'],
      ['a malformed supplier email', '/api/v1/suppliers', { name: 'S', email: 'nope' }, 'email'],
      ['an order without lines', '/api/v1/purchase-orders', { supplierId: uuidv7(), storeId: uuidv7(), lines: [] }, 'lines'],
      [
        'a zero quantity',
        '/api/v1/purchase-orders',
        { supplierId: uuidv7(), storeId: uuidv7(), lines: [{ productId: uuidv7(), quantity: 0 }] },
        'lines.0.quantity',
      ],
      [
        'a negative unit cost',
        '/api/v1/purchase-orders',
        { supplierId: uuidv7(), storeId: uuidv7(), lines: [{ productId: uuidv7(), quantity: 1, unitCostMinor: -1 }] },
        'lines.0.unitCostMinor',
      ],
      [
        'an expected date that does not exist',
        '/api/v1/purchase-orders',
        { supplierId: uuidv7(), storeId: uuidv7(), lines: [{ productId: uuidv7(), quantity: 1, expectedDate: '2026-02-30' }] },
        'lines.0.expectedDate',
      ],
      [
        'a supplier id that is not a UUID',
        '/api/v1/purchase-orders',
        { supplierId: 'acme', storeId: uuidv7(), lines: [{ productId: uuidv7(), quantity: 1 }] },
        'supplierId',
      ],
      ['draft orders without products', '/api/v1/purchasing/reorder-suggestions/draft-orders', { storeId: uuidv7(), productIds: [] }, 'productIds'],
    ])('refuses %s with 400 naming the field', async (_, path, body, field) => {
      const response = await owner(a).post(path, body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('names the field of a receipt line that is not on the order, a product listed twice, a missing reject reason and an unknown supplier', async () => {
      const product = await newProduct(a);
      const supplier = await newSupplier(a);
      const twice = await owner(a).post('/api/v1/purchase-orders', {
        supplierId: supplier.id,
        storeId: a.stores[0].id,
        lines: [
          { productId: product.id, quantity: 1, unitCostMinor: 1 },
          { productId: product.id, quantity: 2, unitCostMinor: 1 },
        ],
      });
      expect(twice.status).toBe(400);
      expect(twice.body.errors[0].field).toBe('lines.1.productId');
      const noCost = await owner(a).post('/api/v1/purchase-orders', {
        supplierId: supplier.id,
        storeId: a.stores[0].id,
        lines: [{ productId: product.id, quantity: 1 }],
      });
      expect(noCost.status).toBe(400);
      expect(noCost.body.errors[0].field).toBe('lines.0.unitCostMinor');
      const order = await orderedOrder(a, [{ productId: product.id, quantity: 1, unitCostMinor: 1 }]);
      const strangeLine = await receive(a, order.id, { lines: [{ lineId: uuidv7(), quantity: 1 }] });
      expect(strangeLine.status).toBe(400);
      expect(strangeLine.body.errors[0].field).toBe('lines.0.lineId');
      const draft = await newOrder(a, [{ productId: product.id, quantity: 1, unitCostMinor: 1 }]);
      expectStatus(await act(a, draft.id, 'submit'), 200);
      const noReason = await act(a, draft.id, 'reject');
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].field).toBe('reason');
      const unknownSupplier = await owner(a).get(`/api/v1/suppliers/${uuidv7()}`);
      expect(unknownSupplier.status).toBe(404);
      expect(unknownSupplier.body.code).toBe(ErrorCode.SupplierNotFound);
    });
  });
});
