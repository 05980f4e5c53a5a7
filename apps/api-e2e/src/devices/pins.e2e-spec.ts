import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { addUser, bearer, createTenantPair, deviceAuth, expectStatus, PASSWORD, SignedInUser, TenantFixture } from '../support/identity';
import { pairDevice } from '../support/id-route-sweep';
import { startTestApi, TestApi } from '../support/test-api';

describe('staff PINs and PIN sign-in', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  let counter = 0;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  const setPin = (user: SignedInUser, pin: string, currentPassword = PASSWORD) =>
    http().put('/api/v1/me/pin').set(bearer(user.accessToken)).send({ pin, currentPassword });
  const pinSignIn = (deviceToken: string, userId: string, pin: string) => http().post('/api/v1/auth/pin').set(deviceAuth(deviceToken)).send({ userId, pin });
  const newCashier = (storeIds = [a.stores[0].id]) =>
    addUser(api.app, a, a.owner.accessToken, { name: `Cashier ${++counter}`, email: `pin-cashier-${counter}@${a.slug}.test`, role: 'cashier', storeIds });
  const newRegister = async (storeIndex = 0) =>
    expectStatus(
      await http()
        .post(`/api/v1/stores/${a.stores[storeIndex].id}/registers`)
        .set(bearer(a.owner.accessToken))
        .send({ name: `PIN till ${++counter}` }),
      201,
    ).body as { id: string };

  it('signs a user in with their PIN on a paired device, with the register in every request and after a refresh', async () => {
    const cashier = await newCashier();
    expectStatus(await setPin(cashier, '2580'), 204);
    const register = await newRegister();
    const { deviceToken } = await pairDevice(api.app, a, register.id);
    const staff = expectStatus(await http().get('/api/v1/devices/current/staff').set(deviceAuth(deviceToken)), 200).body.items;
    expect(staff.find((user: { id: string }) => user.id === cashier.id)).toMatchObject({ pinSet: true });

    const tokens = expectStatus(await pinSignIn(deviceToken, cashier.id, '2580'), 200).body;
    expect(tokens).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: expect.any(Number) });
    const me = expectStatus(await http().get('/api/v1/me').set(bearer(tokens.accessToken)), 200).body;
    expect(me).toMatchObject({ user: { id: cashier.id }, role: 'cashier', registerId: register.id });

    const refreshed = expectStatus(await http().post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }), 200).body;
    expect(expectStatus(await http().get('/api/v1/me').set(bearer(refreshed.accessToken)), 200).body.registerId).toBe(register.id);
    expect(expectStatus(await http().get('/api/v1/me').set(bearer(cashier.accessToken)), 200).body.registerId).toBeNull();
  });

  it('signs out the PIN sessions started on a device when it is revoked or replaced, and no others', async () => {
    const cashier = await newCashier();
    expectStatus(await setPin(cashier, '2580'), 204);
    const register = await newRegister();
    const refresh = (refreshToken: string) => http().post('/api/v1/auth/refresh').send({ refreshToken });

    const first = await pairDevice(api.app, a, register.id);
    const onFirst = expectStatus(await pinSignIn(first.deviceToken, cashier.id, '2580'), 200).body;
    const second = await pairDevice(api.app, a, register.id);
    const replaced = await refresh(onFirst.refreshToken);
    expect([replaced.status, replaced.body.code]).toEqual([401, ErrorCode.InvalidToken]);

    const onSecond = expectStatus(await pinSignIn(second.deviceToken, cashier.id, '2580'), 200).body;
    const elsewhere = expectStatus(await pinSignIn((await pairDevice(api.app, a)).deviceToken, cashier.id, '2580'), 200).body;
    expectStatus(await http().delete(`/api/v1/devices/${second.deviceId}`).set(bearer(a.manager.accessToken)), 204);
    const revoked = await refresh(onSecond.refreshToken);
    expect([revoked.status, revoked.body.code]).toEqual([401, ErrorCode.InvalidToken]);
    expectStatus(await refresh(elsewhere.refreshToken), 200);
    expectStatus(await refresh(cashier.refreshToken), 200);
  });

  it('locks a user out on a device after 5 wrong PINs with 429 pin_locked and Retry-After, even for the right PIN', async () => {
    const cashier = await newCashier();
    expectStatus(await setPin(cashier, '2580'), 204);
    const { deviceToken } = await pairDevice(api.app, a);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await pinSignIn(deviceToken, cashier.id, '1357');
      expect([attempt, wrong.status, wrong.body.code]).toEqual([attempt, 401, ErrorCode.PinInvalid]);
    }
    const locked = await pinSignIn(deviceToken, cashier.id, '2580');
    expect([locked.status, locked.body.code]).toEqual([429, ErrorCode.PinLocked]);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const elsewhere = await pairDevice(api.app, a);
    expectStatus(await pinSignIn(elsewhere.deviceToken, cashier.id, '2580'), 200);
  });

  it('locks a user out on every device after 10 wrong PINs across devices', async () => {
    const cashier = await newCashier();
    expectStatus(await setPin(cashier, '2580'), 204);
    const devices = [await pairDevice(api.app, a), await pairDevice(api.app, a), await pairDevice(api.app, a)];
    for (const [index, failures] of [4, 4, 2].entries()) {
      for (let attempt = 0; attempt < failures; attempt++) expect((await pinSignIn(devices[index].deviceToken, cashier.id, '1357')).status).toBe(401);
    }
    const locked = await pinSignIn(devices[2].deviceToken, cashier.id, '2580');
    expect([locked.status, locked.body.code]).toEqual([429, ErrorCode.PinLocked]);
  });

  it('sets a PIN only with the current password, and refuses weak or malformed PINs', async () => {
    const cashier = await newCashier();
    const wrongPassword = await setPin(cashier, '2580', 'not my password');
    expect([wrongPassword.status, wrongPassword.body.code, wrongPassword.body.errors]).toEqual([
      401,
      ErrorCode.InvalidCredentials,
      [{ field: 'currentPassword', message: expect.any(String) }],
    ]);
    for (const weak of ['1111', '1234', '9876']) {
      const response = await setPin(cashier, weak);
      expect([weak, response.status, response.body.code, response.body.errors?.[0]?.field]).toEqual([weak, 400, ErrorCode.PinTooWeak, 'pin']);
    }
    for (const malformed of ['258', '123456789', '25a0']) {
      const response = await setPin(cashier, malformed);
      expect([malformed, response.status, response.body.code, response.body.errors?.[0]?.field]).toEqual([malformed, 400, ErrorCode.ValidationFailed, 'pin']);
    }
    const { deviceToken } = await pairDevice(api.app, a);
    const notSet = await pinSignIn(deviceToken, cashier.id, '2580');
    expect([notSet.status, notSet.body.code]).toEqual([409, ErrorCode.PinNotSet]);
  });

  it('locks PIN changes after 5 wrong current passwords with 429 too_many_attempts and Retry-After, even for the right one', async () => {
    const cashier = await newCashier();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await setPin(cashier, '2580', 'not my password');
      expect([attempt, wrong.status, wrong.body.code]).toEqual([attempt, 401, ErrorCode.InvalidCredentials]);
    }
    const locked = await setPin(cashier, '2580');
    expect([locked.status, locked.body.code]).toEqual([429, ErrorCode.TooManyAttempts]);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const other = await newCashier();
    expectStatus(await setPin(other, '2580'), 204);
  });

  it("lets a manager clear a cashier's PIN but not an owner's", async () => {
    const cashier = await newCashier();
    expectStatus(await setPin(cashier, '2580'), 204);
    expectStatus(await setPin(a.owner, '4680'), 204);
    expectStatus(await http().delete(`/api/v1/users/${cashier.id}/pin`).set(bearer(a.manager.accessToken)), 204);
    const again = await http().delete(`/api/v1/users/${cashier.id}/pin`).set(bearer(a.manager.accessToken));
    expect([again.status, again.body.code]).toEqual([409, ErrorCode.PinNotSet]);
    const { deviceToken } = await pairDevice(api.app, a);
    expect((await pinSignIn(deviceToken, cashier.id, '2580')).body.code).toBe(ErrorCode.PinNotSet);

    const owner = await http().delete(`/api/v1/users/${a.owner.id}/pin`).set(bearer(a.manager.accessToken));
    expect([owner.status, owner.body.code]).toEqual([403, ErrorCode.Forbidden]);
    const byCashier = await http().delete(`/api/v1/users/${cashier.id}/pin`).set(bearer(a.cashier.accessToken));
    expect(byCashier.status).toBe(403);
  });

  it("refuses another shop's user, a cashier of another store, and a sign-in without a device", async () => {
    const { deviceToken } = await pairDevice(api.app, a);
    expectStatus(await setPin(b.owner, '4680'), 204);
    const otherShop = await pinSignIn(deviceToken, b.owner.id, '4680');
    expect([otherShop.status, otherShop.body.code]).toEqual([401, ErrorCode.PinInvalid]);

    const otherStore = await newCashier([a.stores[1].id]);
    expectStatus(await setPin(otherStore, '2580'), 204);
    const refused = await pinSignIn(deviceToken, otherStore.id, '2580');
    expect([refused.status, refused.body.code]).toEqual([403, ErrorCode.Forbidden]);
    const onItsStore = await pairDevice(api.app, a, (await newRegister(1)).id);
    expectStatus(await pinSignIn(onItsStore.deviceToken, otherStore.id, '2580'), 200);

    const noDevice = await http().post('/api/v1/auth/pin').set(bearer(a.owner.accessToken)).send({ userId: a.owner.id, pin: '4680' });
    expect([noDevice.status, noDevice.body.code]).toEqual([401, ErrorCode.Unauthorized]);
  });
});
