import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { uuidv7 } from '@kassa/contracts';

export const PASSWORD = 'correct horse battery staple';

export interface SignedInUser {
  id: string;
  email: string;
  accessToken: string;
  refreshToken: string;
}

export interface TenantFixture {
  id: string;
  slug: string;
  owner: SignedInUser;
  manager: SignedInUser;
  /** Limited to `stores[0]`. */
  cashier: SignedInUser;
  stores: { id: string; code: string }[];
  /** Holds every permission an owner has. */
  apiKey: string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const deviceAuth = (token: string) => ({ authorization: `Device ${token}` });

export function uniqueSlug(prefix = 'shop'): string {
  return `${prefix}-${uuidv7().slice(-12)}`;
}

export function signupBody(overrides: Record<string, unknown> = {}) {
  const slug = uniqueSlug();
  return {
    tenantName: 'Corner Shop',
    slug,
    ownerName: 'Ana Owner',
    email: `owner@${slug}.test`,
    password: PASSWORD,
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    pricesIncludeTax: true,
    ...overrides,
  };
}

export function expectStatus(response: request.Response, status: number): request.Response {
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response;
}

/** Invites a user as `inviter`, sets their password through the invite link, and signs them in. */
export async function addUser(
  app: NestFastifyApplication,
  tenant: { slug: string },
  inviter: string,
  user: { name: string; email: string; role: string; storeIds?: string[] },
): Promise<SignedInUser> {
  const http = request(app.getHttpServer());
  const created = expectStatus(await http.post('/api/v1/users').set(bearer(inviter)).send(user), 201).body;
  expectStatus(await http.post('/api/v1/auth/set-password').send({ token: created.invite.token, password: PASSWORD }), 204);
  const tokens = expectStatus(await http.post('/api/v1/auth/login').send({ tenant: tenant.slug, email: user.email, password: PASSWORD }), 200).body;
  return { id: created.user.id, email: user.email, ...tokens };
}

/** A shop with an owner, a manager, a cashier limited to one of its two stores, and an API key. */
export async function createTenant(app: NestFastifyApplication, name: string): Promise<TenantFixture> {
  const http = request(app.getHttpServer());
  const slug = uniqueSlug(name.toLowerCase());
  const body = signupBody({ tenantName: name, slug, email: `owner@${slug}.test` });
  const signedUp = expectStatus(await http.post('/api/v1/signup').send(body), 201).body;
  const owner: SignedInUser = {
    id: signedUp.user.id,
    email: body.email,
    accessToken: signedUp.accessToken,
    refreshToken: signedUp.refreshToken,
  };
  const stores = [];
  for (const code of ['MAIN', 'DOCK']) {
    const store = expectStatus(
      await http
        .post('/api/v1/stores')
        .set(bearer(owner.accessToken))
        .send({ name: `${name} ${code}`, code }),
      201,
    ).body;
    stores.push({ id: store.id, code: store.code });
  }
  const tenant = { slug: body.slug };
  const manager = await addUser(app, tenant, owner.accessToken, {
    name: 'Max Manager',
    email: `manager@${body.slug}.test`,
    role: 'manager',
  });
  const cashier = await addUser(app, tenant, owner.accessToken, {
    name: 'Cas Cashier',
    email: `cashier@${body.slug}.test`,
    role: 'cashier',
    storeIds: [stores[0].id],
  });
  const me = expectStatus(await http.get('/api/v1/me').set(bearer(owner.accessToken)), 200).body;
  const apiKey = expectStatus(
    await http
      .post('/api/v1/api-keys')
      .set(bearer(owner.accessToken))
      .send({ name: `${name} integration`, permissions: me.permissions }),
    201,
  ).body.key;
  return { id: signedUp.tenant.id, slug: body.slug, owner, manager, cashier, stores, apiKey };
}

/** Two shops with the same shape: every isolation test checks that A's data never reaches B. */
export async function createTenantPair(app: NestFastifyApplication): Promise<{ a: TenantFixture; b: TenantFixture }> {
  return { a: await createTenant(app, 'Alpha'), b: await createTenant(app, 'Bravo') };
}
