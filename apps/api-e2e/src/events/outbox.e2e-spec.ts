import { EventEnvelope, uuidv7 } from '@kassa/contracts';
import { EventConsumers, OutboxRelay } from '@kassa/api/events';
import { eventually, ServerProcess, startBuiltWorker, TEST_REDIS_URL } from '@kassa/testing';
import { EventsProbeModule, installEventsProbeTables, LiveProbeConsumer } from '../support/events-probe.module';
import { bearer, expectStatus, signupBody } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

async function signUp(api: TestApi): Promise<{ token: string; tenantId: string }> {
  const response = expectStatus(await api.http().post('/api/v1/signup').send(signupBody()), 201);
  return { token: response.body.accessToken, tenantId: response.body.tenant.id };
}

const bump = (api: TestApi, token: string, aggregateId: string, extra: object = {}) =>
  api
    .http()
    .post('/api/v1/e2e-probe/events/bump')
    .set(bearer(token))
    .send({ aggregateId, ...extra });

const effectCount = async (api: TestApi, tenantId: string) =>
  Number((await ownerQuery<{ n: string }>(api, `SELECT count(*) AS n FROM probe_effect WHERE tenant_id = $1`, [tenantId]))[0].n);

/** An event as the relay hands it over, read back from the outbox. */
const storedEnvelope = async (api: TestApi, eventId: string) =>
  (
    await ownerQuery<EventEnvelope>(
      api,
      `SELECT id, type, tenant_id AS "tenantId", sequence, aggregate_type AS "aggregateType", aggregate_id AS "aggregateId",
              aggregate_version AS "aggregateVersion", occurred_at AS "occurredAt", data
         FROM outbox_event WHERE id = $1`,
      [eventId],
    )
  )[0];

describe('the transactional outbox', () => {
  describe('writing', () => {
    let api: TestApi;
    let shop: { token: string; tenantId: string };

    beforeAll(async () => {
      api = await startTestApi({ probeModules: [EventsProbeModule] });
      await installEventsProbeTables(api.database.url);
      shop = await signUp(api);
    });
    afterAll(() => api.close());

    it('leaves no audit row and no event when the change rolls back, and exactly one of each when it commits', async () => {
      const aggregateId = uuidv7();
      const count = async () =>
        (
          await ownerQuery<{ events: number; audits: number }>(
            api,
            `SELECT (SELECT count(*) FROM outbox_event WHERE aggregate_id = $1)::int AS events,
                    (SELECT count(*) FROM audit_log WHERE entity_id = $1::text)::int AS audits`,
            [aggregateId],
          )
        )[0];
      expect((await bump(api, shop.token, aggregateId, { rollback: true })).status).toBe(409);
      expect(await count()).toEqual({ events: 0, audits: 0 });
      expectStatus(await bump(api, shop.token, aggregateId), 201);
      expect(await count()).toEqual({ events: 1, audits: 1 });
    });

    it('publishes the committed event with the envelope of DESIGN.md §3 and delivers it to the consumer', async () => {
      const aggregateId = uuidv7();
      const { eventId } = expectStatus(await bump(api, shop.token, aggregateId), 201).body;
      const [effect] = await eventually(
        () => ownerQuery(api, `SELECT * FROM probe_effect WHERE event_id = $1`, [eventId]),
        (rows) => rows.length === 1,
      );
      expect(effect).toMatchObject({ aggregate_id: aggregateId, aggregate_version: 1 });
      const page = expectStatus(await api.http().get('/api/v1/events?types=product.updated&limit=1000').set(bearer(shop.token)), 200).body;
      const event = page.items.find((item: EventEnvelope) => item.id === eventId);
      expect(event).toEqual({
        id: eventId,
        type: 'product.updated',
        tenantId: shop.tenantId,
        sequence: expect.any(Number),
        aggregateType: 'probe',
        aggregateId,
        aggregateVersion: 1,
        occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        data: { version: 1 },
      });
    });

    it('gives a consumer each event once, however often it is delivered', async () => {
      const { eventId } = expectStatus(await bump(api, shop.token, uuidv7()), 201).body;
      await eventually(
        () => effectCount(api, shop.tenantId),
        (n) => n > 0,
      );
      const event = await storedEnvelope(api, eventId);
      await eventually(
        () => ownerQuery(api, `SELECT 1 FROM probe_effect WHERE event_id = $1`, [eventId]),
        (rows) => rows.length === 1,
      );
      const consumers = api.app.get(EventConsumers);
      expect(await consumers.deliver(event)).toEqual([]);
      expect(await consumers.deliver(event)).toEqual([]);
      expect(await ownerQuery(api, `SELECT 1 FROM probe_effect WHERE event_id = $1`, [eventId])).toHaveLength(1);
    });

    it('pushes every delivery to a live consumer, redeliveries too, keeping no marker for it and failing nothing when it throws', async () => {
      const live = api.app.get(LiveProbeConsumer);
      const consumers = api.app.get(EventConsumers);
      const { eventId } = expectStatus(await bump(api, shop.token, uuidv7()), 201).body;
      await eventually(
        () => ownerQuery(api, `SELECT 1 FROM probe_effect WHERE event_id = $1`, [eventId]),
        (rows) => rows.length === 1,
      );
      // The relay's delivery pushed it in whichever process took the job: this one, or another replica of the cluster
      // in the api-e2e-workers project. Each delivery here pushes it once more.
      const pushes = () => live.pushed.filter((id) => id === eventId).length;
      const before = pushes();
      expect(before).toBeLessThanOrEqual(1);
      const event = await storedEnvelope(api, eventId);
      expect(await consumers.deliver(event)).toEqual([]);
      expect(await consumers.deliver(event)).toEqual([]);
      expect(pushes()).toBe(before + 2);
      live.throwing = true;
      try {
        expect(await consumers.deliver(event)).toEqual([]);
      } finally {
        live.throwing = false;
      }
      const markers = await ownerQuery<{ consumer: string }>(api, `SELECT consumer FROM processed_event WHERE event_id = $1 ORDER BY consumer`, [eventId]);
      expect(markers.map((marker) => marker.consumer)).toEqual(['e2e-probe', 'webhooks']);
      // The lost-job sweep waits only for consumers that keep markers.
      const swept = consumers.subscriptions().map((consumer) => consumer.name);
      expect(swept).not.toContain('e2e-live-probe');
      expect(swept).not.toContain('realtime');
    });
  });

  describe('a relay that dies between claiming and handing over', () => {
    let api: TestApi;
    let shop: { token: string; tenantId: string };

    beforeAll(async () => {
      api = await startTestApi({
        probeModules: [EventsProbeModule],
        env: { OUTBOX_RELAY: 'false', OUTBOX_RECOVERY_SECONDS: '0' },
      });
      await installEventsProbeTables(api.database.url);
      shop = await signUp(api);
    });
    afterAll(() => api.close());

    it('loses nothing: after a restart every committed event is delivered, each effect once', async () => {
      const aggregateId = uuidv7();
      for (let i = 0; i < 10; i++) expectStatus(await bump(api, shop.token, aggregateId), 201);
      const relay = api.app.get(OutboxRelay);

      // The crash: events are claimed and stamped, and the process dies before the queue sees them.
      const stamped = await relay.stamp(shop.tenantId);
      expect(stamped.map((event) => event.aggregateVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(await effectCount(api, shop.tenantId)).toBe(0);

      // A relay starting afterwards recovers them.
      await relay.publishPending();
      await eventually(
        () => effectCount(api, shop.tenantId),
        (n) => n >= 10,
      );
      await relay.publishPending();
      const effects = await ownerQuery<{ version: number }>(
        api,
        `SELECT aggregate_version AS version FROM probe_effect WHERE tenant_id = $1 ORDER BY sequence`,
        [shop.tenantId],
      );
      expect(effects.map((effect) => effect.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });
  });

  describe('a backlog of more than one batch (an import’s events)', () => {
    let api: TestApi;
    let shop: { token: string; tenantId: string };

    beforeAll(async () => {
      // Polling every ten minutes: only the one commit below rings the relay.
      api = await startTestApi({ probeModules: [EventsProbeModule], env: { OUTBOX_POLL_MS: '600000' } });
      await installEventsProbeTables(api.database.url);
      shop = await signUp(api);
    });
    afterAll(() => api.close());

    it('is published pass after pass on one ring, not one batch per poll', async () => {
      // 1,200 events committed earlier without a ring (three batches of the relay's 500), then one commit that rings.
      await ownerQuery(
        api,
        `INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, aggregate_version, data)
         SELECT $1, gen_random_uuid(), 'product.updated', 'probe', gen_random_uuid(), 1, jsonb_build_object('version', 1)
           FROM generate_series(1, 1200)`,
        [shop.tenantId],
      );
      const { eventId } = expectStatus(await bump(api, shop.token, uuidv7()), 201).body;
      const counts = () =>
        ownerQuery<{ unstamped: number; last: string | null }>(
          api,
          `SELECT count(*) FILTER (WHERE sequence IS NULL)::int AS unstamped, max(sequence) AS last FROM outbox_event WHERE tenant_id = $1`,
          [shop.tenantId],
        );
      // Far within the poll's ten minutes.
      const [drained] = await eventually(counts, ([row]) => row.unstamped === 0);
      expect(Number(drained.last)).toBeGreaterThanOrEqual(1201);
      await eventually(
        () => ownerQuery(api, `SELECT 1 FROM probe_effect WHERE event_id = $1`, [eventId]),
        (rows) => rows.length === 1,
      );
    });
  });

  describe('a queue that lost its jobs (Redis restarted empty)', () => {
    let api: TestApi;
    let shops: { token: string; tenantId: string }[];

    beforeAll(async () => {
      // A poll of 50 ms with no recovery delay: each publishPending a little apart runs the recovery sweep.
      api = await startTestApi({ probeModules: [EventsProbeModule], env: { OUTBOX_RELAY: 'false', OUTBOX_RECOVERY_SECONDS: '0', OUTBOX_POLL_MS: '50' } });
      await installEventsProbeTables(api.database.url);
      shops = [await signUp(api), await signUp(api)];
    });
    afterAll(() => api.close());

    const tenantsWithWork = async (lostWindowSeconds: number) => {
      const subscriptions = JSON.stringify(api.app.get(EventConsumers).subscriptions());
      const rows = await ownerQuery<{ tenant: string }>(api, `SELECT tenant FROM outbox_tenants_with_work(0, $1, $2) AS tenant`, [
        lostWindowSeconds,
        subscriptions,
      ]);
      return shops.map((shop) => rows.some((row) => row.tenant === shop.tenantId));
    };
    const effects = (tenantId: string) =>
      ownerQuery<{ event_id: string }>(api, `SELECT event_id FROM probe_effect WHERE tenant_id = $1 ORDER BY event_id`, [tenantId]).then((rows) =>
        rows.map((row) => row.event_id),
      );

    it('hands over again, in each tenant, the dispatched events no consumer has seen, but not dead-lettered ones or those before the window', async () => {
      const relay = api.app.get(OutboxRelay);
      const bumped = [];
      for (const shop of shops) {
        const ids: string[] = [];
        for (let i = 0; i < 3; i++) ids.push(expectStatus(await bump(api, shop.token, uuidv7()), 201).body.eventId);
        bumped.push(ids);
      }
      // The lost jobs: stamped and marked dispatched, and the queue never saw them.
      for (const shop of shops) await relay.stamp(shop.tenantId);
      await ownerQuery(api, `UPDATE outbox_event SET dispatched_at = now() WHERE tenant_id = ANY($1)`, [shops.map((shop) => shop.tenantId)]);
      // The first shop's first event failed every attempt for every consumer that wants it; the second shop's first was published two days ago.
      const [deadLettered] = bumped[0];
      for (const consumer of api.app.get(EventConsumers).consumersOf({ type: 'product.updated' } as EventEnvelope)) {
        await ownerQuery(api, `INSERT INTO dead_letter (tenant_id, id, event_id, consumer, attempts, last_error) VALUES ($1, $2, $3, $4, 5, 'boom')`, [
          shops[0].tenantId,
          uuidv7(),
          deadLettered,
          consumer.name,
        ]);
      }
      const [beforeWindow] = bumped[1];
      await ownerQuery(api, `UPDATE outbox_event SET published_at = now() - interval '2 days', dispatched_at = now() - interval '2 days' WHERE id = $1`, [
        beforeWindow,
      ]);

      expect(await tenantsWithWork(0)).toEqual([false, false]);
      expect(await tenantsWithWork(86_400)).toEqual([true, true]);
      await new Promise((resolve) => setTimeout(resolve, 60));
      await relay.publishPending();

      const expected = [bumped[0].slice(1).sort(), bumped[1].slice(1).sort()];
      await eventually(
        () => Promise.all(shops.map((shop) => effects(shop.tenantId))),
        (found) => JSON.stringify(found) === JSON.stringify(expected),
      );
      // Every consumer has now seen them: nothing is owed, and a further sweep repeats no effect.
      await eventually(
        () => tenantsWithWork(86_400),
        (owed) => owed.every((tenant) => !tenant),
      );
      await new Promise((resolve) => setTimeout(resolve, 60));
      await relay.publishPending();
      expect(await Promise.all(shops.map((shop) => effects(shop.tenantId)))).toEqual(expected);
    });
  });

  describe('20 concurrent writers on 5 aggregates, with 2 relays', () => {
    const WRITERS = 20;
    const PER_WRITER = 50;
    const TOTAL = WRITERS * PER_WRITER;
    let first: TestApi;
    let second: TestApi;
    let shop: { token: string; tenantId: string };

    beforeAll(async () => {
      first = await startTestApi({ probeModules: [EventsProbeModule], env: { OUTBOX_POLL_MS: '200' } });
      await installEventsProbeTables(first.database.url);
      second = await startTestApi({ probeModules: [EventsProbeModule], replicaOf: first, env: { OUTBOX_POLL_MS: '200' } });
      shop = await signUp(first);
    });
    afterAll(async () => {
      await second.close();
      await first.close();
    });

    it('delivers all 1,000 events with gapless per-tenant sequences, versions rising within each aggregate, and pages that see each once in order', async () => {
      const aggregates = Array.from({ length: 5 }, () => uuidv7());
      const seen: EventEnvelope[] = [];
      let writing = true;
      const reader = (async () => {
        let after = '0';
        while (writing || seen.length < TOTAL) {
          const page = expectStatus(await second.http().get(`/api/v1/events?after=${after}&limit=50`).set(bearer(shop.token)), 200).body;
          seen.push(...page.items);
          after = page.nextCursor;
          if (page.items.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, writer) => {
          for (let i = 0; i < PER_WRITER; i++) {
            const api = (writer + i) % 2 === 0 ? first : second;
            expectStatus(await bump(api, shop.token, aggregates[(writer + i) % aggregates.length]), 201);
          }
        }),
      );
      writing = false;
      await reader;

      const effects = await eventually(
        () =>
          ownerQuery<{ sequence: string; aggregate_id: string; aggregate_version: number; event_id: string }>(
            first,
            `SELECT sequence, aggregate_id, aggregate_version, event_id FROM probe_effect WHERE tenant_id = $1 ORDER BY sequence`,
            [shop.tenantId],
          ),
        (rows) => rows.length >= TOTAL,
        60_000,
      );
      expect(effects).toHaveLength(TOTAL);
      expect(new Set(effects.map((effect) => effect.event_id)).size).toBe(TOTAL);
      expect(effects.map((effect) => Number(effect.sequence))).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
      for (const aggregate of aggregates) {
        const versions = effects.filter((effect) => effect.aggregate_id === aggregate).map((effect) => effect.aggregate_version);
        expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
      }

      expect(seen.map((event) => event.sequence)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
      expect(new Set(seen.map((event) => event.id)).size).toBe(TOTAL);
    });
  });
});

describe('a relay whose LISTEN connection is killed', () => {
  let relaying: TestApi;
  let writing: TestApi;
  const listeners = () =>
    ownerQuery<{ pid: number; query: string }>(
      relaying,
      `SELECT pid, query FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'kassa-outbox-listener'`,
    );

  beforeAll(async () => {
    // Polling every ten minutes: within this test only a NOTIFY can wake the relay.
    relaying = await startTestApi({ probeModules: [EventsProbeModule], env: { OUTBOX_POLL_MS: '600000' } });
    await installEventsProbeTables(relaying.database.url);
    // A replica without a relay: its commits reach the relay by NOTIFY alone, not by the in-process ring.
    writing = await startTestApi({ probeModules: [EventsProbeModule], replicaOf: relaying, env: { OUTBOX_RELAY: 'false' } });
  });
  afterAll(async () => {
    await writing.close();
    await relaying.close();
  });

  it('listens again, so an event another process commits afterwards is published at once', async () => {
    const shop = await signUp(writing);
    const [killed] = await eventually(listeners, (rows) => rows.length === 1);
    await ownerQuery(relaying, `SELECT pg_terminate_backend($1)`, [killed.pid]);
    await eventually(listeners, (rows) => rows.length === 1 && rows[0].pid !== killed.pid && rows[0].query === 'LISTEN kassa_outbox', 10_000);

    const { eventId } = expectStatus(await bump(writing, shop.token, uuidv7()), 201).body;
    await eventually(
      () => ownerQuery(relaying, `SELECT 1 FROM outbox_event WHERE id = $1 AND sequence IS NOT NULL`, [eventId]),
      (rows) => rows.length === 1,
      3_000,
    );
  });
});

describe('a separate worker process (KASSA_ROLE=worker)', () => {
  let api: TestApi;
  let worker: ServerProcess;

  beforeAll(async () => {
    api = await startTestApi({ probeModules: [EventsProbeModule], env: { OUTBOX_RELAY: 'false' } });
    await installEventsProbeTables(api.database.url);
  });
  afterAll(async () => {
    await worker?.stop();
    await api.close();
  });

  it('publishes what API processes without a relay committed', async () => {
    const shop = await signUp(api);
    const { eventId } = expectStatus(await bump(api, shop.token, uuidv7()), 201).body;
    const readEvents = async () => expectStatus(await api.http().get('/api/v1/events').set(bearer(shop.token)), 200).body.items;
    expect(await readEvents()).toEqual([]);

    worker = await startBuiltWorker({
      DATABASE_URL: api.database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: api.redisPrefix,
      OUTBOX_POLL_MS: '200',
    });
    const [published] = await eventually(readEvents, (items) => items.length === 1);
    expect(published).toMatchObject({ id: eventId, sequence: 1 });
    await eventually(
      () => effectCount(api, shop.tenantId),
      (n) => n === 1,
    );
  });
});
