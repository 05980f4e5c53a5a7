import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { Permission, PERMISSIONS, ROLES, uuidv7 } from '@kassa/contracts';
import { pairDevice } from '../support/id-route-sweep';
import { addUser, bearer, createTenant, deviceAuth, expectStatus, PASSWORD, TenantFixture } from '../support/identity';
import { RouteInfo, routeInventory } from '../support/route-inventory';
import { startTestApi, TestApi } from '../support/test-api';

/**
 * Who gets past each route's door: every route of the inventory × every kind of caller, against this
 * table — written out here, not derived from the permission map, so widening a role or a key's reach
 * fails naming the route and the caller. A route missing from the table fails too: add its row.
 *
 * Callers: the owner; a manager; a manager limited to the DOCK store; a cashier; a cashier limited to
 * MAIN; one API key per permission, holding only it; a paired device on its own; no credentials.
 * "Gets in" means the answer is neither 401 nor 403 (it may be a 404 for the random id in the path,
 * or a 400 for the empty body); "refused" is 403, and a caller without credentials gets 401.
 */
const USERS = ['owner', 'manager', 'store manager', 'cashier', 'store cashier'] as const;
type UserCaller = (typeof USERS)[number];

const STAFF: readonly UserCaller[] = USERS;
const MANAGERS: readonly UserCaller[] = ['owner', 'manager', 'store manager'];
const OWNER: readonly UserCaller[] = ['owner'];
const ANY_KEY = 'any key';
const NO_KEY = 'no key';

type Body = (shop: TenantFixture) => Record<string, unknown>;
type Access =
  | { kind: 'public' }
  | { kind: 'device' }
  /** `users` get in; of the keys, the one holding `key` (or any one of a list, or every key, or none). */
  | {
      kind: 'staff';
      users: readonly UserCaller[];
      key: Permission | readonly Permission[] | typeof ANY_KEY | typeof NO_KEY;
      body?: Body;
      /** The permission an approval in the body lends to the holders of the other one. */
      approval?: Permission;
    };

const PUBLIC: Access = { kind: 'public' };
const DEVICE: Access = { kind: 'device' };
const row = (users: readonly UserCaller[], key: Permission | readonly Permission[] | typeof ANY_KEY | typeof NO_KEY, body?: Body): Access => ({
  kind: 'staff',
  users,
  key,
  body,
});

/**
 * A route for the holders of `permission` (`holders`) and, with a PIN approval by one of them in the body, of
 * `otherwise` (`others`): both get past the door.
 */
const orApproval = (holders: readonly UserCaller[], permission: Permission, others: readonly UserCaller[], otherwise: Permission): Access => ({
  kind: 'staff',
  users: [...new Set([...holders, ...others])],
  key: [permission, otherwise],
  approval: permission,
});

/** The matrix. The body, where given, passes validation so a check in the handler is what answers. */
const ACCESS: Record<string, Access> = {
  'GET /health/live': PUBLIC,
  'GET /health/ready': PUBLIC,
  'GET /api/v1/system': PUBLIC,
  'GET /metrics': PUBLIC,
  'GET /api/v1/monitoring/summary': row(MANAGERS, 'monitoring:read'),
  'GET /api/v1/monitoring/errors': row(MANAGERS, 'monitoring:read'),
  'POST /api/v1/monitoring/client-events': row(STAFF, 'tenant:read', () => ({ events: [] })),
  'PATCH /api/v1/monitoring/errors/:id': row(OWNER, 'monitoring:manage'),
  'GET /api/v1/events': row(OWNER, 'events:read'),
  'GET /api/v1/admin/dead-letters': row(OWNER, 'dead_letters:manage'),
  'POST /api/v1/admin/dead-letters/:id/retry': row(OWNER, 'dead_letters:manage'),
  'GET /api/v1/audit-logs': row(OWNER, 'audit:read'),
  'GET /api/v1/audit-logs/export': row(OWNER, 'audit:read'),
  'GET /api/v1/admin/mail': row(OWNER, 'tenant:manage'),
  'GET /api/v1/tenant': row(STAFF, 'tenant:read'),
  'PATCH /api/v1/tenant': row(OWNER, 'tenant:manage'),
  'POST /api/v1/stores': row(MANAGERS, 'stores:manage'),
  'GET /api/v1/stores': row(STAFF, 'stores:read'),
  'GET /api/v1/stores/:id': row(STAFF, 'stores:read'),
  'PATCH /api/v1/stores/:id': row(MANAGERS, 'stores:manage'),
  'GET /api/v1/stores/:id/registers': row(STAFF, 'stores:read'),
  'POST /api/v1/stores/:id/registers': row(MANAGERS, 'stores:manage'),
  'GET /api/v1/registers/:id': row(STAFF, 'stores:read'),
  'PATCH /api/v1/registers/:id': row(MANAGERS, 'stores:manage'),
  'GET /api/v1/registers/:id/favourites': row(STAFF, 'stores:read'),
  'PUT /api/v1/registers/:id/favourites': row(MANAGERS, 'stores:manage', () => ({ productIds: [] })),
  'POST /api/v1/registers/:id/shifts': row(STAFF, 'shifts:operate'),
  'GET /api/v1/registers/:id/shifts/current': row(STAFF, 'shifts:operate'),
  'GET /api/v1/shifts': row(MANAGERS, 'shifts:read'),
  'GET /api/v1/shifts/:id': row(MANAGERS, 'shifts:read'),
  'POST /api/v1/shifts/:id/cash-movements': row(STAFF, 'shifts:operate'),
  'POST /api/v1/shifts/:id/close': row(STAFF, 'shifts:operate'),
  'GET /api/v1/shifts/:id/report': row(STAFF, 'shifts:operate'),
  'GET /api/v1/shift-settings': row(STAFF, 'tenant:read'),
  'PATCH /api/v1/shift-settings': row(OWNER, 'tenant:manage'),
  'GET /api/v1/import-mappings/:kind': row(MANAGERS, 'imports:manage'),
  'PUT /api/v1/import-mappings/:kind': row(MANAGERS, 'imports:manage'),
  'POST /api/v1/signup': PUBLIC,
  'POST /api/v1/auth/login': PUBLIC,
  'POST /api/v1/auth/pin': PUBLIC,
  'POST /api/v1/auth/refresh': PUBLIC,
  'POST /api/v1/auth/logout': PUBLIC,
  'POST /api/v1/auth/set-password': PUBLIC,
  // An API key is not a user: /me and its PIN refuse keys in the handler.
  'GET /api/v1/me': row(STAFF, NO_KEY),
  'PUT /api/v1/me/pin': row(STAFF, NO_KEY, () => ({ pin: '2580', currentPassword: PASSWORD })),
  'GET /api/v1/users': row(MANAGERS, 'users:read'),
  // A valid cashier for the DOCK store: a store-limited manager may create it; a users:manage key holds less than any role.
  'POST /api/v1/users': row(MANAGERS, NO_KEY, (shop) => ({
    name: 'Matrix',
    email: `matrix-${uuidv7().slice(-12)}@${shop.slug}.test`,
    role: 'cashier',
    storeIds: [shop.stores[1].id],
  })),
  'GET /api/v1/users/:id': row(MANAGERS, 'users:read'),
  'PATCH /api/v1/users/:id': row(MANAGERS, 'users:manage'),
  'DELETE /api/v1/users/:id/pin': row(MANAGERS, 'users:manage'),
  // Keys cannot create keys, whatever their scope.
  'POST /api/v1/api-keys': row(OWNER, NO_KEY, () => ({ name: 'Matrix', permissions: ['stores:read'] })),
  'GET /api/v1/api-keys': row(OWNER, 'api_keys:manage'),
  'DELETE /api/v1/api-keys/:id': row(OWNER, 'api_keys:manage'),
  'POST /api/v1/registers/:id/devices': row(MANAGERS, 'devices:manage'),
  'GET /api/v1/devices': row(MANAGERS, 'devices:manage'),
  'GET /api/v1/devices/current': DEVICE,
  'GET /api/v1/devices/current/staff': DEVICE,
  'POST /api/v1/devices/current/heartbeat': DEVICE,
  'DELETE /api/v1/devices/:id': row(MANAGERS, 'devices:manage'),
  'GET /api/v1/categories': row(STAFF, 'catalog:read'),
  'POST /api/v1/categories': row(MANAGERS, 'catalog:manage'),
  'GET /api/v1/categories/:id': row(STAFF, 'catalog:read'),
  'PATCH /api/v1/categories/:id': row(MANAGERS, 'catalog:manage'),
  'DELETE /api/v1/categories/:id': row(MANAGERS, 'catalog:manage'),
  'GET /api/v1/products': row(STAFF, 'catalog:read'),
  'POST /api/v1/products': row(MANAGERS, 'catalog:manage'),
  'POST /api/v1/products/import': row(MANAGERS, 'catalog:manage'),
  'GET /api/v1/products/export': row(STAFF, 'catalog:read'),
  'GET /api/v1/products/by-barcode/:code': row(STAFF, 'catalog:read'),
  'GET /api/v1/products/:id': row(STAFF, 'catalog:read'),
  'PATCH /api/v1/products/:id': row(MANAGERS, 'catalog:manage'),
  'POST /api/v1/products/:id/restore': row(MANAGERS, 'catalog:manage'),
  'DELETE /api/v1/products/:id': row(MANAGERS, 'catalog:manage'),
  'POST /api/v1/inventory/adjustments': row(MANAGERS, 'inventory:manage'),
  'POST /api/v1/inventory/adjustments/batch': row(MANAGERS, 'inventory:manage'),
  'POST /api/v1/inventory/counts': row(MANAGERS, 'inventory:manage'),
  'POST /api/v1/inventory/counts/import': row(MANAGERS, 'inventory:manage'),
  'POST /api/v1/inventory/transfers': row(MANAGERS, 'inventory:manage'),
  'GET /api/v1/inventory/levels': row(STAFF, 'inventory:read'),
  'GET /api/v1/inventory/levels/export': row(STAFF, 'inventory:read'),
  'PATCH /api/v1/inventory/levels/:storeId/:productId': row(MANAGERS, 'inventory:manage'),
  'GET /api/v1/inventory/ledger/export': row(STAFF, 'inventory:read'),
  'GET /api/v1/inventory/ledger': row(STAFF, 'inventory:read'),
  'GET /api/v1/inventory/reconcile': row(STAFF, 'inventory:read'),
  'GET /api/v1/customers': row(STAFF, 'customers:read'),
  'POST /api/v1/customers': row(STAFF, 'customers:manage'),
  'GET /api/v1/customers/:id': row(STAFF, 'customers:read'),
  'PATCH /api/v1/customers/:id': row(STAFF, 'customers:manage'),
  'POST /api/v1/customers/:id/erase': row(MANAGERS, 'customers:erase'),
  'POST /api/v1/sales': row(STAFF, 'sales:create'),
  'GET /api/v1/sales': row(STAFF, 'sales:read'),
  'GET /api/v1/sales/export': row(STAFF, 'sales:read'),
  'GET /api/v1/sales/summary': row(STAFF, 'sales:read'),
  'GET /api/v1/sales/reconciliation': row(MANAGERS, 'sales:review'),
  'GET /api/v1/sales/reconciliation/refunds': row(MANAGERS, 'sales:review'),
  'POST /api/v1/sales/refunds/:id/review': row(MANAGERS, 'sales:review'),
  'GET /api/v1/sales/:id': row(STAFF, 'sales:read'),
  'GET /api/v1/sales/:id/receipt': row(STAFF, 'sales:read'),
  'POST /api/v1/sales/:id/receipt/email': row(STAFF, 'sales:read'),
  'POST /api/v1/sales/:id/void': row(MANAGERS, 'sales:void'),
  // Cashiers (sales:create) get in too; their refund needs a manager's PIN in the body (the handler checks it).
  'POST /api/v1/sales/:id/refunds': orApproval(MANAGERS, 'sales:refund', STAFF, 'sales:create'),
  'GET /api/v1/sales/:id/refunds': row(STAFF, 'sales:read'),
  'POST /api/v1/sales/:id/review': row(MANAGERS, 'sales:review'),
  'GET /api/v1/registers/:id/gaps': row(STAFF, 'sales:read'),
  'GET /api/v1/analytics/summary': row(MANAGERS, 'analytics:read'),
  'GET /api/v1/analytics/trend': row(MANAGERS, 'analytics:read'),
  'GET /api/v1/analytics/forecast': row(MANAGERS, 'analytics:read'),
  'GET /api/v1/analytics/seasonality': row(MANAGERS, 'analytics:read'),
  'GET /api/v1/analytics/anomalies': row(MANAGERS, 'analytics:read'),
  'GET /api/v1/analytics/top-products': row(MANAGERS, 'analytics:read'),
  'GET /api/v1/analytics/baskets': row(MANAGERS, 'analytics:read'),
  'GET /api/v1/analytics/customers': row(MANAGERS, 'analytics:read'),
  'GET /api/v1/analytics/velocity': row(MANAGERS, 'analytics:read'),
  'GET /api/v1/analytics/export': row(MANAGERS, 'analytics:read'),
  'GET /api/v1/suppliers': row(MANAGERS, 'purchasing:read'),
  'POST /api/v1/suppliers': row(MANAGERS, 'purchasing:manage'),
  'GET /api/v1/suppliers/:id': row(MANAGERS, 'purchasing:read'),
  'PATCH /api/v1/suppliers/:id': row(MANAGERS, 'purchasing:manage'),
  'DELETE /api/v1/suppliers/:id': row(MANAGERS, 'purchasing:manage'),
  'PUT /api/v1/suppliers/:id/products/:productId': row(MANAGERS, 'purchasing:manage'),
  // Receivers (cashiers) open the orders to receive: either permission gets in (a receiver sees only those).
  'GET /api/v1/purchase-orders': row(STAFF, ['purchasing:read', 'purchasing:receive']),
  'POST /api/v1/purchase-orders': row(MANAGERS, 'purchasing:manage'),
  'GET /api/v1/purchase-orders/:id': row(STAFF, ['purchasing:read', 'purchasing:receive']),
  'PATCH /api/v1/purchase-orders/:id': row(MANAGERS, 'purchasing:manage'),
  'GET /api/v1/purchase-orders/:id/document': row(MANAGERS, 'purchasing:read'),
  'POST /api/v1/purchase-orders/:id/submit': row(MANAGERS, 'purchasing:manage'),
  'POST /api/v1/purchase-orders/:id/approve': row(MANAGERS, 'purchasing:approve'),
  'POST /api/v1/purchase-orders/:id/reject': row(MANAGERS, 'purchasing:approve'),
  'POST /api/v1/purchase-orders/:id/reopen': row(MANAGERS, 'purchasing:manage'),
  'POST /api/v1/purchase-orders/:id/order': row(MANAGERS, 'purchasing:manage'),
  'POST /api/v1/purchase-orders/:id/close': row(MANAGERS, 'purchasing:manage'),
  'POST /api/v1/purchase-orders/:id/cancel': row(MANAGERS, 'purchasing:manage'),
  'POST /api/v1/purchase-orders/:id/receipts': row(STAFF, 'purchasing:receive'),
  'GET /api/v1/purchase-orders/:id/receipts': row(MANAGERS, 'purchasing:read'),
  'GET /api/v1/purchasing/settings': row(MANAGERS, 'purchasing:read'),
  'PATCH /api/v1/purchasing/settings': row(OWNER, 'tenant:manage'),
  'GET /api/v1/purchasing/on-order': row(MANAGERS, 'purchasing:read'),
  'GET /api/v1/purchasing/reorder-suggestions': row(MANAGERS, 'purchasing:read'),
  'POST /api/v1/purchasing/reorder-suggestions/draft-orders': row(MANAGERS, 'purchasing:manage'),
  'GET /api/v1/webhooks/deliveries/:id': row(OWNER, 'webhooks:manage'),
  'POST /api/v1/webhooks/deliveries/:id/redeliver': row(OWNER, 'webhooks:manage'),
  'GET /api/v1/webhooks': row(OWNER, 'webhooks:manage'),
  'POST /api/v1/webhooks': row(OWNER, 'webhooks:manage'),
  'GET /api/v1/webhooks/:id': row(OWNER, 'webhooks:manage'),
  'PATCH /api/v1/webhooks/:id': row(OWNER, 'webhooks:manage'),
  'DELETE /api/v1/webhooks/:id': row(OWNER, 'webhooks:manage'),
  'POST /api/v1/webhooks/:id/test': row(OWNER, 'webhooks:manage'),
  'POST /api/v1/webhooks/:id/rotate-secret': row(OWNER, 'webhooks:manage'),
  'GET /api/v1/webhooks/:id/deliveries': row(OWNER, 'webhooks:manage'),
  'GET /api/v1/realtime/replay': row(STAFF, 'realtime:read'),
  // Notifications are a signed-in user's own: a key has none (the handler refuses it; one by id is simply not found).
  'GET /api/v1/notifications': row(STAFF, NO_KEY),
  'GET /api/v1/notifications/unread-count': row(STAFF, NO_KEY),
  'POST /api/v1/notifications/read-all': row(STAFF, NO_KEY),
  'POST /api/v1/notifications/:id/read': row(STAFF, 'realtime:read'),
};

const TABLE_FILE = 'apps/api-e2e/src/reliability/authorization-matrix.e2e-spec.ts';

interface Caller {
  name: string;
  authorization?: string;
  /** Stores the caller is limited to (undefined: every store). */
  storeIds?: string[];
}

/** The callers `access` lets in, by name. */
function admitted(access: Access, callers: Caller[]): Set<string> {
  return new Set(
    callers
      .filter((caller) => {
        if (access.kind === 'public') return true;
        if (access.kind === 'device') return caller.name === 'device';
        if (caller.name.startsWith('key ')) {
          const keys: readonly string[] = typeof access.key === 'string' ? [access.key] : access.key;
          return access.key === ANY_KEY || keys.some((key) => caller.name === `key ${key}`);
        }
        return (access.users as readonly string[]).includes(caller.name);
      })
      .map((caller) => caller.name),
  );
}

describe('authorization matrix', () => {
  let api: TestApi;
  let shop: TenantFixture;
  let callers: Caller[];
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Matrix');
    const [main, dock] = shop.stores.map((store) => store.id);
    const manager = await addUser(api.app, shop, shop.owner.accessToken, {
      name: 'Dock Manager',
      email: `dock-manager@${shop.slug}.test`,
      role: 'manager',
      storeIds: [dock],
    });
    const cashier = await addUser(api.app, shop, shop.owner.accessToken, { name: 'Any Cashier', email: `any-cashier@${shop.slug}.test`, role: 'cashier' });
    const keys: Caller[] = [];
    for (const permission of PERMISSIONS) {
      const key = expectStatus(
        await http()
          .post('/api/v1/api-keys')
          .set(bearer(shop.owner.accessToken))
          .send({ name: permission, permissions: [permission] }),
        201,
      ).body.key;
      keys.push({ name: `key ${permission}`, authorization: `Bearer ${key}` });
    }
    const { deviceToken } = await pairDevice(api.app, shop);
    callers = [
      { name: 'owner', authorization: `Bearer ${shop.owner.accessToken}` },
      { name: 'manager', authorization: `Bearer ${shop.manager.accessToken}` },
      { name: 'store manager', authorization: `Bearer ${manager.accessToken}`, storeIds: [dock] },
      { name: 'cashier', authorization: `Bearer ${cashier.accessToken}` },
      { name: 'store cashier', authorization: `Bearer ${shop.cashier.accessToken}`, storeIds: [main] },
      ...keys,
      { name: 'device', authorization: deviceAuth(deviceToken).authorization },
      { name: 'anonymous' },
    ];
  });
  afterAll(() => api.close());

  /** The route called with random ids in its path (nothing of the shop is touched) and the row's body or an empty one. */
  async function call(app: NestFastifyApplication, route: RouteInfo, authorization: string | undefined): Promise<{ status: number; code?: string }> {
    const access = ACCESS[route.key];
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => (name === 'kind' ? 'products' : name === 'code' ? '0000000000000' : uuidv7()));
    const hasBody = !['GET', 'DELETE'].includes(route.method);
    const body = access?.kind === 'staff' && access.body ? access.body(shop) : {};
    const response = await app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: route.method as 'GET',
        url: path,
        headers: { ...(authorization ? { authorization } : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
        payload: hasBody ? JSON.stringify(body) : undefined,
      });
    const parsed = response.headers['content-type']?.toString().includes('json') ? JSON.parse(response.body || '{}') : {};
    return { status: response.statusCode, code: parsed.code };
  }

  /** What is wrong with `caller`'s answer on `route`, or nothing. */
  function mismatch(route: RouteInfo, caller: Caller, gotIn: boolean, answer: { status: number; code?: string }): string | undefined {
    const got = `${answer.status}${answer.code ? ` ${answer.code}` : ''}`;
    if (answer.status >= 500) return `${route.key} as ${caller.name}: answered ${got}`;
    const expected = gotIn ? 'gets in' : caller.authorization ? '403' : '401';
    const actual = answer.status === 401 || answer.status === 403 ? String(answer.status) : 'gets in';
    return actual === expected ? undefined : `${route.key} as ${caller.name}: expected ${expected}, got ${got}`;
  }

  it('has a row for every route, and no row for a route that is gone', () => {
    const routes = routeInventory(api.app).map((route) => route.key);
    const missing = routes.filter((key) => !(key in ACCESS));
    const gone = Object.keys(ACCESS).filter((key) => !routes.includes(key));
    expect(missing.map((key) => `${key} is not in the authorization matrix: add a row to ACCESS in ${TABLE_FILE} saying who may call it`)).toEqual([]);
    expect(gone.map((key) => `${key} has a row in ${TABLE_FILE} but no route: remove it`)).toEqual([]);
  });

  it('marks exactly the routes whose access rule lends a permission by approval', () => {
    const declared = routeInventory(api.app).flatMap((route) =>
      route.rule && 'approvedBy' in route.rule ? [`${route.key} lends ${route.rule.approvedBy} to ${route.rule.anyOf[1]}`] : [],
    );
    const listed = Object.entries(ACCESS).flatMap(([key, access]) =>
      access.kind === 'staff' && access.approval ? [`${key} lends ${access.approval} to ${(access.key as Permission[])[1]}`] : [],
    );
    expect(listed.sort()).toEqual(declared.sort());
  });

  it('lets in exactly the callers each route lists, and refuses every other one', async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const route of routeInventory(api.app).filter((candidate) => candidate.key in ACCESS)) {
      const gotIn = admitted(ACCESS[route.key], callers);
      for (const caller of callers) {
        const fault = mismatch(route, caller, gotIn.has(caller.name), await call(api.app, route, caller.authorization));
        calls++;
        if (fault) mismatches.push(fault);
      }
    }
    expect(calls).toBe(Object.keys(ACCESS).length * callers.length);
    expect(mismatches).toEqual([]);
  }, 600_000);

  describe('grants: nobody hands out more than they hold', () => {
    /** Routes the table lets `name` into. */
    const rightsOf = (name: string) => new Set(Object.keys(ACCESS).filter((key) => admitted(ACCESS[key], callers).has(name)));
    const beyond = (granted: Set<string>, held: Set<string>) => [...granted].filter((key) => !held.has(key));

    /** The routes a freshly signed-in user actually gets into, checked call by call. */
    async function reachOf(authorization: string): Promise<Set<string>> {
      const reached = new Set<string>();
      for (const route of routeInventory(api.app).filter((candidate) => candidate.key in ACCESS && ACCESS[candidate.key].kind === 'staff')) {
        const answer = await call(api.app, route, authorization);
        if (answer.status !== 401 && answer.status !== 403) reached.add(route.key);
      }
      return reached;
    }

    it('creates users (and their invites) only with roles and stores within the creator’s own, and they reach no further', async () => {
      const faults: string[] = [];
      let created = 0;
      for (const creator of callers.filter((caller) => caller.authorization && caller.name !== 'device')) {
        const held = rightsOf(creator.name);
        for (const role of ROLES) {
          const email = `grant-${uuidv7().slice(-12)}@${shop.slug}.test`;
          const response = await http()
            .post('/api/v1/users')
            .set({ authorization: creator.authorization as string })
            .send({ name: 'Granted', email, role, ...(creator.storeIds ? { storeIds: creator.storeIds } : {}) });
          if (response.status !== 201) continue;
          created++;
          const excess = beyond(rightsOf(role), held);
          if (excess.length) faults.push(`${creator.name} created a ${role}, who reaches ${excess.join(', ')}`);
          const stores: string[] = response.body.user.storeIds;
          if (creator.storeIds && (stores.length === 0 || stores.some((store) => !creator.storeIds?.includes(store)))) {
            faults.push(`${creator.name} (limited to ${creator.storeIds}) created a ${role} for ${stores.length ? stores : 'every store'}`);
          }
          expectStatus(await http().post('/api/v1/auth/set-password').send({ token: response.body.invite.token, password: PASSWORD }), 204);
          const tokens = expectStatus(await http().post('/api/v1/auth/login').send({ tenant: shop.slug, email, password: PASSWORD }), 200).body;
          const reachedBeyond = beyond(await reachOf(`Bearer ${tokens.accessToken}`), held);
          if (reachedBeyond.length) faults.push(`the ${role} ${creator.name} created through an invite reaches ${reachedBeyond.join(', ')}`);
        }
      }
      expect(created).toBeGreaterThanOrEqual(4);
      expect(faults).toEqual([]);
    }, 600_000);

    it('changes roles only to ones within the editor’s own', async () => {
      const faults: string[] = [];
      let changed = 0;
      for (const editor of callers.filter((caller) => caller.authorization && caller.name !== 'device')) {
        const held = rightsOf(editor.name);
        for (const role of ROLES) {
          const target = expectStatus(
            await http()
              .post('/api/v1/users')
              .set(bearer(shop.owner.accessToken))
              .send({
                name: 'Target',
                email: `target-${uuidv7().slice(-12)}@${shop.slug}.test`,
                role: 'cashier',
                storeIds: editor.storeIds ?? [shop.stores[0].id],
              }),
            201,
          ).body.user;
          const response = await http()
            .patch(`/api/v1/users/${target.id}`)
            .set({ authorization: editor.authorization as string })
            .send({ role });
          if (response.status !== 200) continue;
          changed++;
          const excess = beyond(rightsOf(role), held);
          if (excess.length) faults.push(`${editor.name} made a cashier a ${role}, who reaches ${excess.join(', ')}`);
        }
      }
      expect(changed).toBeGreaterThanOrEqual(3);
      expect(faults).toEqual([]);
    }, 600_000);

    it('creates API keys only with scopes whose routes the creator reaches itself', async () => {
      const faults: string[] = [];
      let created = 0;
      for (const creator of callers.filter((caller) => caller.authorization && caller.name !== 'device')) {
        const held = rightsOf(creator.name);
        for (const permission of PERMISSIONS) {
          const response = await http()
            .post('/api/v1/api-keys')
            .set({ authorization: creator.authorization as string })
            .send({ name: 'Granted', permissions: [permission] });
          if (response.status !== 201) continue;
          created++;
          const excess = beyond(rightsOf(`key ${permission}`), held);
          if (excess.length) faults.push(`${creator.name} created a key for ${permission}, which reaches ${excess.join(', ')}`);
        }
      }
      expect(created).toBe(PERMISSIONS.length);
      expect(faults).toEqual([]);
    }, 600_000);
  });
});
