import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { bearer, createTenantPair, deviceAuth, expectStatus, PASSWORD, SignedInUser, TenantFixture } from '../support/identity';
import { pairDevice } from '../support/id-route-sweep';
import { startTestApi, TestApi } from '../support/test-api';
import { salesFixtures } from './sales-fixtures';

describe('discount approval at the till', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  let productId: string;
  const http = () => request(api.app.getHttpServer());
  const { newProduct, receive } = salesFixtures(() => api);

  const setPin = async (user: SignedInUser, pin: string) =>
    expectStatus(await http().put('/api/v1/me/pin').set(bearer(user.accessToken)).send({ pin, currentPassword: PASSWORD }), 204);

  /** A 10.00 item with a 30% sale discount, rung up by the shop's cashier. */
  const discounted = (approval?: object) => ({
    id: uuidv7(),
    storeId: a.stores[0].id,
    lines: [{ productId, quantity: 1 }],
    discount: { percentBps: 3_000 },
    tenders: [{ type: 'cash', amountMinor: 700 }],
    ...(approval ? { approval } : {}),
  });

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
    expectStatus(
      await http()
        .patch('/api/v1/tenant')
        .set(bearer(a.owner.accessToken))
        .send({ discountLimitBps: { cashier: 1_000, manager: 5_000 } }),
      200,
    );
    productId = (await newProduct(a, { priceMinor: 1_000 })).id;
    await receive(a, a.stores[0].id, productId, 50);
    await setPin(a.manager, '2580');
    await setPin(a.cashier, '1357');
    await setPin(b.owner, '2580');
  });
  afterAll(() => api.close());

  it("refuses a cashier's 30% discount without approval, and accepts it with a manager's PIN, naming the approver on the sale and its audit row", async () => {
    const refused = await http().post('/api/v1/sales').set(bearer(a.cashier.accessToken)).send(discounted());
    expect([refused.status, refused.body.code]).toEqual([403, ErrorCode.DiscountForbidden]);

    const sale = expectStatus(
      await http()
        .post('/api/v1/sales')
        .set(bearer(a.cashier.accessToken))
        .send(discounted({ userId: a.manager.id, pin: '2580' })),
      201,
    ).body;
    expect(sale).toMatchObject({ discountMinor: 300, totalMinor: 700, discountApprovedBy: a.manager.id, actorId: a.cashier.id });
    expect(expectStatus(await http().get(`/api/v1/sales/${sale.id}`).set(bearer(a.owner.accessToken)), 200).body.discountApprovedBy).toBe(a.manager.id);
    const [audit] = expectStatus(await http().get(`/api/v1/audit-logs?entityType=sale&entityId=${sale.id}&action=create`).set(bearer(a.owner.accessToken)), 200)
      .body.items;
    expect(audit.metadata).toMatchObject({ discountGrantedBy: { type: 'user', id: a.manager.id } });
    expect(JSON.stringify(audit)).not.toContain('2580');
  });

  it("accepts a cashier's approval only within the cashier limit, and refuses a wrong PIN or another shop's user", async () => {
    const byCashier = await http()
      .post('/api/v1/sales')
      .set(bearer(a.cashier.accessToken))
      .send(discounted({ userId: a.cashier.id, pin: '1357' }));
    expect([byCashier.status, byCashier.body.code]).toEqual([403, ErrorCode.DiscountForbidden]);
    const wrongPin = await http()
      .post('/api/v1/sales')
      .set(bearer(a.cashier.accessToken))
      .send(discounted({ userId: a.manager.id, pin: '9999' }));
    expect([wrongPin.status, wrongPin.body.code]).toEqual([401, ErrorCode.PinInvalid]);
    const otherShop = await http()
      .post('/api/v1/sales')
      .set(bearer(a.cashier.accessToken))
      .send(discounted({ userId: b.owner.id, pin: '2580' }));
    expect([otherShop.status, otherShop.body.code]).toEqual([401, ErrorCode.PinInvalid]);
    const malformed = await http()
      .post('/api/v1/sales')
      .set(bearer(a.cashier.accessToken))
      .send(discounted({ userId: a.manager.id, pin: 'x' }));
    expect([malformed.status, malformed.body.errors?.[0]?.field]).toEqual([400, 'approval.pin']);
  });

  it("counts a wrong approval PIN toward the approver's lockout", async () => {
    const approver = await (async () => {
      const created = expectStatus(
        await http()
          .post('/api/v1/users')
          .set(bearer(a.owner.accessToken))
          .send({ name: 'Approver', email: `approver@${a.slug}.test`, role: 'manager' }),
        201,
      ).body;
      expectStatus(await http().post('/api/v1/auth/set-password').send({ token: created.invite.token, password: PASSWORD }), 204);
      const tokens = expectStatus(
        await http()
          .post('/api/v1/auth/login')
          .send({ tenant: a.slug, email: `approver@${a.slug}.test`, password: PASSWORD }),
        200,
      ).body;
      return { id: created.user.id as string, accessToken: tokens.accessToken as string };
    })();
    expectStatus(await http().put('/api/v1/me/pin').set(bearer(approver.accessToken)).send({ pin: '4680', currentPassword: PASSWORD }), 204);
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await http()
        .post('/api/v1/sales')
        .set(bearer(a.cashier.accessToken))
        .send(discounted({ userId: approver.id, pin: '9999' }));
      expect(wrong.body.code).toBe(ErrorCode.PinInvalid);
    }
    const locked = await http()
      .post('/api/v1/sales')
      .set(bearer(a.cashier.accessToken))
      .send(discounted({ userId: approver.id, pin: '4680' }));
    expect([locked.status, locked.body.code]).toEqual([429, ErrorCode.PinLocked]);
    const { deviceToken } = await pairDevice(api.app, a);
    const signIn = await http().post('/api/v1/auth/pin').set(deviceAuth(deviceToken)).send({ userId: approver.id, pin: '4680' });
    expect(signIn.status).toBe(200);
  });
});
