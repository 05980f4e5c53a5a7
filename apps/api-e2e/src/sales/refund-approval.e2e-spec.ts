import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { addUser, bearer, createTenantPair, expectStatus, PASSWORD, SignedInUser, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';
import { tillSession } from '../support/till';
import { salesFixtures } from './sales-fixtures';

describe('refund approval at the till, and the review of offline refunds', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  let dockManager: SignedInUser;
  const http = () => request(api.app.getHttpServer());
  const { newProduct, receive, onHand, sell } = salesFixtures(() => api);

  const setPin = async (user: SignedInUser, pin: string) =>
    expectStatus(await http().put('/api/v1/me/pin').set(bearer(user.accessToken)).send({ pin, currentPassword: PASSWORD }), 204);
  const refund = (saleId: string, body: object, token: string) => http().post(`/api/v1/sales/${saleId}/refunds`).set(bearer(token)).send(body);
  const answer = (response: request.Response) => [response.status, response.body.code, response.body.errors?.[0]?.field];

  /** A sale of two 5.00 units in the shop's first store, and the body refunding one of them (restocked, cash). */
  async function soldTwo(token: string, extra: object = {}) {
    const store = a.stores[0].id;
    const product = await newProduct(a, { priceMinor: 500 });
    await receive(a, store, product.id, 5);
    const sale = expectStatus(
      await sell(token, { storeId: store, lines: [{ productId: product.id, quantity: 2 }], tenders: [{ type: 'cash', amountMinor: 1000 }], ...extra }),
      201,
    ).body;
    const oneBack = {
      lines: [{ saleLineId: sale.lines[0].id, quantity: 1, restock: true }],
      tenders: [{ type: 'cash', amountMinor: 500 }],
      reason: 'Returned',
    };
    return { sale, oneBack, stock: () => onHand(a, store, product.id) };
  }

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
    dockManager = await addUser(api.app, a, a.owner.accessToken, {
      name: 'Dock Manager',
      email: `dock-manager@${a.slug}.test`,
      role: 'manager',
      storeIds: [a.stores[1].id],
    });
    await setPin(a.manager, '4680');
    await setPin(a.cashier, '1357');
    await setPin(dockManager, '3691');
    await setPin(b.owner, '4680');
  });
  afterAll(() => api.close());

  it("refuses a cashier's refund without a manager's approval, naming what is wrong, and takes it with one, recording the approver", async () => {
    const { sale, oneBack, stock } = await soldTwo(a.cashier.accessToken);
    const cashier = a.cashier.accessToken;

    expect(answer(await refund(sale.id, oneBack, cashier))).toEqual([403, ErrorCode.Forbidden, 'approval']);
    expect(answer(await refund(sale.id, { ...oneBack, approval: { userId: a.manager.id, pin: '9999' } }, cashier))).toEqual([
      401,
      ErrorCode.PinInvalid,
      'approval.pin',
    ]);
    expect(answer(await refund(sale.id, { ...oneBack, approval: { userId: a.cashier.id, pin: '1357' } }, cashier))).toEqual([
      403,
      ErrorCode.Forbidden,
      'approval.userId',
    ]);
    expect(answer(await refund(sale.id, { ...oneBack, approval: { userId: dockManager.id, pin: '3691' } }, cashier))).toEqual([
      403,
      ErrorCode.Forbidden,
      'approval.userId',
    ]);
    // Another shop's owner, right PIN and all, is nobody here.
    expect(answer(await refund(sale.id, { ...oneBack, approval: { userId: b.owner.id, pin: '4680' } }, cashier))).toEqual([
      401,
      ErrorCode.PinInvalid,
      'approval.pin',
    ]);
    expect(answer(await refund(sale.id, { ...oneBack, approval: { userId: a.manager.id, pin: 'x' } }, cashier))).toEqual([
      400,
      ErrorCode.ValidationFailed,
      'approval.pin',
    ]);
    expect(await stock()).toBe(3);

    const approved = expectStatus(await refund(sale.id, { ...oneBack, approval: { userId: a.manager.id, pin: '4680' } }, cashier), 201).body;
    expect(approved).toMatchObject({ actorId: a.cashier.id, approvedBy: a.manager.id, offline: false, flags: [], totalMinor: 500 });
    expect(await stock()).toBe(4);
    const [audit] = expectStatus(await http().get(`/api/v1/audit-logs?entityId=${sale.id}&action=refund`).set(bearer(a.owner.accessToken)), 200).body.items;
    expect(audit.metadata).toMatchObject({ refundId: approved.id, approvedBy: a.manager.id });
    expect(JSON.stringify(audit)).not.toContain('4680');
    // A manager needs no approval; a holder of neither permission is refused at the door.
    expectStatus(await refund(sale.id, oneBack, a.manager.accessToken), 201);
    const readOnlyKey = expectStatus(
      await http()
        .post('/api/v1/api-keys')
        .set(bearer(a.owner.accessToken))
        .send({ name: 'reader', permissions: ['sales:read'] }),
      201,
    ).body.key;
    expect((await refund(sale.id, oneBack, readOnlyKey)).status).toBe(403);
  });

  it('records offline refunds from a till whatever their approval gave, lists them for review per shop until a manager marks them reviewed', async () => {
    const till = await tillSession(api.app, a, { user: a.cashier });
    const { sale, oneBack, stock } = await soldTwo(till.accessToken, { registerId: till.registerId, receiptNumber: 1, offline: true });
    // A till names the lines of a sale it has not synced by their place in it.
    const offline = {
      ...oneBack,
      lines: [{ position: 0, quantity: 1, restock: true }],
      offline: true,
      registerId: till.registerId,
      occurredAt: '2026-11-29T10:00:00.000Z',
    };
    const noSuchLine = await refund(sale.id, { ...offline, id: uuidv7(), lines: [{ position: 1, quantity: 1, restock: true }] }, till.accessToken);
    expect(answer(noSuchLine)).toEqual([422, ErrorCode.ReferenceNotFound, 'lines.0.position']);

    const unverified = expectStatus(
      await refund(sale.id, { ...offline, id: uuidv7(), approval: { userId: a.manager.id, pin: '9999' } }, till.accessToken),
      201,
    ).body;
    expect(unverified).toMatchObject({ offline: true, approvedBy: null, flags: ['approval_unverified'], reviewedAt: null });
    const verified = expectStatus(
      await refund(sale.id, { ...offline, id: uuidv7(), approval: { userId: a.manager.id, pin: '4680' } }, till.accessToken),
      201,
    ).body;
    expect(verified).toMatchObject({ offline: true, approvedBy: a.manager.id, flags: [] });
    expect(await stock()).toBe(5);

    const open = async (shop: TenantFixture, query = '') =>
      expectStatus(await http().get(`/api/v1/sales/reconciliation/refunds${query}`).set(bearer(shop.manager.accessToken)), 200).body.items as {
        id: string;
      }[];
    const listed = (await open(a)).filter((item) => [unverified.id, verified.id].includes(item.id));
    expect(listed).toEqual([
      expect.objectContaining({ id: unverified.id, saleId: sale.id, receiptNumber: 1, storeId: a.stores[0].id, flags: ['approval_unverified'] }),
      expect.objectContaining({ id: verified.id, approvedBy: a.manager.id, flags: [] }),
    ]);
    expect((await open(b)).map((item) => item.id)).not.toContain(unverified.id);
    expect(answer(await http().post(`/api/v1/sales/refunds/${unverified.id}/review`).set(bearer(b.owner.accessToken)).send({}))).toEqual([
      404,
      ErrorCode.NotFound,
      undefined,
    ]);
    expect(answer(await http().post(`/api/v1/sales/refunds/${unverified.id}/review`).set(bearer(a.cashier.accessToken)).send({}))[0]).toBe(403);
    expect(
      answer(
        await http()
          .post(`/api/v1/sales/refunds/${unverified.id}/review`)
          .set(bearer(a.manager.accessToken))
          .send({ note: 'x'.repeat(1001) }),
      ),
    ).toEqual([400, ErrorCode.ValidationFailed, 'note']);
    expect(answer(await http().get('/api/v1/sales/reconciliation/refunds?storeId=nope').set(bearer(a.manager.accessToken)))).toEqual([
      400,
      ErrorCode.ValidationFailed,
      'storeId',
    ]);

    const reviewed = expectStatus(
      await http().post(`/api/v1/sales/refunds/${unverified.id}/review`).set(bearer(a.manager.accessToken)).send({ note: 'Manager confirmed' }),
      200,
    ).body;
    expect(reviewed).toMatchObject({ id: unverified.id, reviewedBy: a.manager.id, reviewNote: 'Manager confirmed', reviewedAt: expect.any(String) });
    expect((await open(a)).map((item) => item.id)).not.toContain(unverified.id);
    expect((await open(a, '?status=reviewed')).map((item) => item.id)).toContain(unverified.id);
  });
});
