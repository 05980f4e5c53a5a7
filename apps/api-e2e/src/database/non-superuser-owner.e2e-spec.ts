import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uuidv7 } from '@kassa/contracts';
import { APP_ROLE } from '@kassa/api/database';
import { eventually, TEST_POSTGRES_URL, TestDatabase } from '@kassa/testing';
import { EventsProbeModule, installEventsProbeTables } from '../support/events-probe.module';
import { bearer, expectStatus, signupBody } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';
import { WebhookReceiver } from '../webhooks/webhook-receiver';

async function asSuperuser<T = Record<string, unknown>>(url: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * A database owned by a role that is neither superuser nor BYPASSRLS, as managed PostgreSQL gives:
 * forced row-level security binds that owner too, so this is where the cross-tenant functions of
 * docs/decisions/0009 must prove they still see every tenant (other suites' owner is a superuser).
 */
async function databaseOwnedByOrdinaryRole(): Promise<TestDatabase & { superuserUrl: string }> {
  const suffix = uuidv7().replace(/-/g, '');
  const [name, owner] = [`kassa_e2e_${suffix}`, `kassa_e2e_owner_${suffix}`];
  await asSuperuser(TEST_POSTGRES_URL, `CREATE ROLE ${owner} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE`);
  // The app role is cluster-wide; an ordinary owner cannot create it, so it is made and granted here.
  await asSuperuser(
    TEST_POSTGRES_URL,
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
         CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
       END IF;
     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
     END $$`,
  );
  await asSuperuser(TEST_POSTGRES_URL, `GRANT ${APP_ROLE} TO ${owner}`);
  await asSuperuser(TEST_POSTGRES_URL, `CREATE DATABASE ${name} OWNER ${owner}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const superuserUrl = url.toString();
  url.username = owner;
  return {
    name,
    url: url.toString(),
    superuserUrl,
    async drop() {
      await asSuperuser(TEST_POSTGRES_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await asSuperuser(TEST_POSTGRES_URL, `DROP ROLE IF EXISTS ${owner}`);
    },
  };
}

describe('the relay and the webhook sweep when the schema owner is not a superuser', () => {
  let api: TestApi;
  let superuserUrl: string;
  let receiver: WebhookReceiver;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    const database = await databaseOwnedByOrdinaryRole();
    superuserUrl = database.superuserUrl;
    api = await startTestApi({
      database,
      probeModules: [EventsProbeModule],
      env: { OUTBOX_POLL_MS: '200', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_SWEEP_MS: '300' },
    });
    await installEventsProbeTables(api.database.url);
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver?.close();
    await api?.close();
  });

  it('migrated as that owner', async () => {
    const [owner] = await asSuperuser(
      superuserUrl,
      `SELECT r.rolsuper AS superuser FROM pg_tables t JOIN pg_roles r ON r.rolname = t.tableowner WHERE t.tablename = 'outbox_event'`,
    );
    expect(owner).toEqual({ superuser: false });
  });

  it("publishes each tenant's events and delivers them to its webhook", async () => {
    const shop = expectStatus(await http().post('/api/v1/signup').send(signupBody()), 201).body;
    const token = shop.accessToken;
    expectStatus(
      await http()
        .post('/api/v1/webhooks')
        .set(bearer(token))
        .send({ url: receiver.url, events: ['product.updated'] }),
      201,
    );
    const { eventId } = expectStatus(await http().post('/api/v1/e2e-probe/events/bump').set(bearer(token)).send({ aggregateId: uuidv7() }), 201).body;
    const [published] = await eventually(
      async () => expectStatus(await http().get('/api/v1/events?types=product.updated').set(bearer(token)), 200).body.items,
      (items: unknown[]) => items.length === 1,
      10_000,
    );
    expect(published).toMatchObject({ id: eventId, sequence: expect.any(Number) });
    await eventually(
      async () => receiver.received,
      (received) => received.some((webhook) => webhook.headers['webhook-id'] === eventId),
      10_000,
    );
  });

  it('sends a pending delivery whose job was lost, once the sweep finds it', async () => {
    const shop = expectStatus(await http().post('/api/v1/signup').send(signupBody()), 201).body;
    const endpoint = expectStatus(
      await http()
        .post('/api/v1/webhooks')
        .set(bearer(shop.accessToken))
        .send({ url: receiver.url, events: ['product.updated'] }),
      201,
    ).body;
    const lostEventId = uuidv7();
    await asSuperuser(
      superuserUrl,
      `INSERT INTO webhook_delivery (tenant_id, id, endpoint_id, event_id, event_type, payload, created_at)
       VALUES ($1, $2, $3, $4, 'product.updated', $5, now() - interval '1 hour')`,
      [shop.tenant.id, uuidv7(), endpoint.id, lostEventId, JSON.stringify({ id: lostEventId, type: 'product.updated', data: {} })],
    );
    await eventually(
      async () => receiver.received,
      (received) => received.some((webhook) => webhook.headers['webhook-id'] === lostEventId),
      10_000,
    );
  });

  it('deletes dispatched events past retention, and never younger than a day whatever retention the caller asks for', async () => {
    const shop = expectStatus(await http().post('/api/v1/signup').send(signupBody()), 201).body;
    const insert = (age: string) =>
      asSuperuser<{ id: string }>(
        superuserUrl,
        `INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, aggregate_version, data, sequence, published_at, dispatched_at)
         VALUES ($1, $2, 'product.updated', 'probe', $2, 1, '{}', $3, now() - $4::interval, now() - $4::interval) RETURNING id`,
        [shop.tenant.id, uuidv7(), Math.floor(Math.random() * 1e9), age],
      );
    const [[expired], [recent]] = [await insert('3 days'), await insert('12 hours')];
    await api.app.get(DataSource).query(`SELECT outbox_delete_expired(0)`);
    const left = await asSuperuser<{ id: string }>(superuserUrl, `SELECT id FROM outbox_event WHERE id = ANY($1)`, [[expired.id, recent.id]]);
    expect(left).toEqual([{ id: recent.id }]);
  });
});
