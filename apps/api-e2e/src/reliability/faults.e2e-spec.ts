import { Client } from 'pg';
import { uuidv7 } from '@kassa/contracts';
import { createTestDatabase, eventually, freePort, ServerProcess, startBuiltApi, TestDatabase } from '@kassa/testing';
import { PASSWORD, signupBody } from '../support/identity';
import { OwnRedis, startOwnRedis } from '../support/own-redis';

/**
 * Faults against real servers the suite starts: the built API, on a database of its own and its own
 * redis-server (so stopping it disturbs no other suite). Redis goes away under load; PostgreSQL
 * connections are terminated under load; the API is SIGKILLed during 200 concurrent checkouts. After
 * each, the books must balance (DESIGN.md §2–3): every acknowledged sale exists, receipts are gapless per
 * register, stock equals its ledger, and every committed event has one sequence and reaches every
 * consumer, applied once. The api-e2e-workers project runs it with API_WORKERS=2: SIGKILL then hits the
 * cluster's primary, and its workers exit at once when it is gone (node:cluster), without draining.
 */
const ANSWER_TIMEOUT_MS = 10_000;

describe('faults', () => {
  let redis: OwnRedis;
  let database: TestDatabase;
  let port: number;
  let api: ServerProcess;
  let owner: string;
  let shop: { slug: string; email: string; tenantId: string; storeId: string; productId: string };
  const env = () => ({
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: `kassa-faults:${database.name}:`,
    // Shared by the API before and after a restart, so signed-in callers stay signed in.
    JWT_SECRET: `kassa-faults-jwt-secret-${database.name}`,
    OUTBOX_POLL_MS: '200',
    OUTBOX_RECOVERY_SECONDS: '2',
    OUTBOX_RETRY_BACKOFF_MS: '200',
    WEBHOOK_SWEEP_MS: '1000',
    DATABASE_POOL_SIZE: '10',
    LOG_LEVEL: 'fatal',
    // 2 in the api-e2e-workers project (apps/api-e2e/jest.workers.config.ts), as for startTestApi.
    API_WORKERS: process.env['TEST_API_WORKERS'] ?? '1',
  });

  /** The answer's status and JSON body (what these tests read of it: the id). */
  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    { timeoutMs = ANSWER_TIMEOUT_MS } = {},
  ): Promise<{ status: number; body: { id: string } }> {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${owner}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      // A hang is a fault like a 500: it is reported, not waited for.
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  }

  async function asOwner<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows as T[];
    } finally {
      await client.end();
    }
  }

  const saleBody = () => ({
    id: uuidv7(),
    storeId: shop.storeId,
    lines: [{ productId: shop.productId, quantity: 1 }],
    tenders: [{ type: 'cash', amountMinor: 10_000 }],
  });

  /** A shop of its own for each scenario, so one scenario's books never colour the next one's. */
  async function openShop() {
    const signup = signupBody();
    const signedUp = await fetch(`${api.baseUrl}/api/v1/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signup),
    });
    const created = (await signedUp.json()) as { accessToken: string; tenant: { id: string } };
    owner = created.accessToken;
    const store = await call('POST', '/api/v1/stores', { name: 'Main', code: 'MAIN' });
    const product = await call('POST', '/api/v1/products', { sku: 'TEA-1', name: 'Tea', priceMinor: 250 });
    expect([store.status, product.status]).toEqual([201, 201]);
    expect(
      (await call('POST', '/api/v1/inventory/adjustments', { storeId: store.body.id, productId: product.body.id, delta: 1_000_000, reason: 'receipt' })).status,
    ).toBe(201);
    shop = { slug: signup.slug, email: signup.email, tenantId: created.tenant.id, storeId: store.body.id, productId: product.body.id };
  }

  beforeAll(async () => {
    redis = await startOwnRedis();
    database = await createTestDatabase();
    port = await freePort();
    api = await startBuiltApi(port, env());
  }, 120_000);
  beforeEach(() => openShop(), 60_000);
  afterAll(async () => {
    await api?.stop();
    await redis?.stop();
    await database?.drop();
  });

  /**
   * Mixed traffic from `clients` loops until `stop` resolves: sales, reads, searches and sign-ins.
   * Answers are tallied by kind and status; sign-in and readiness are the only routes that may say 503.
   */
  function mixedLoad(clients: number) {
    const tally: Record<string, Record<number, number>> = {};
    const unanswered: string[] = [];
    let running = true;
    const count = (kind: string, status: number) => {
      tally[kind] ??= {};
      tally[kind][status] = (tally[kind][status] ?? 0) + 1;
    };
    const kinds: [string, () => Promise<{ status: number }>][] = [
      ['sale', () => call('POST', '/api/v1/sales', saleBody())],
      ['read', () => call('GET', '/api/v1/sales?limit=20')],
      ['search', () => call('GET', '/api/v1/products?q=tea')],
      [
        'login',
        () =>
          fetch(`${api.baseUrl}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ tenant: shop.slug, email: shop.email, password: PASSWORD }),
            signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
          }).then(async (response) => ({ status: response.status, body: await response.text() })),
      ],
    ];
    const loops = Array.from({ length: clients }, async (_, client) => {
      for (let i = client; running; i++) {
        const [kind, send] = kinds[i % kinds.length];
        try {
          count(kind, (await send()).status);
        } catch (error) {
          unanswered.push(`${kind}: ${(error as Error).message}`);
        }
      }
    });
    return {
      tally,
      unanswered,
      async stop() {
        running = false;
        await Promise.all(loops);
      },
    };
  }

  const serverErrors = (tally: Record<string, Record<number, number>>, allowed503: string[]) =>
    Object.entries(tally).flatMap(([kind, statuses]) =>
      Object.entries(statuses)
        .filter(([status]) => Number(status) >= 500 && !(Number(status) === 503 && allowed503.includes(kind)))
        .map(([status, times]) => `${kind} answered ${status} ${times} times`),
    );

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** The books balance: receipts gapless per register, stock equal to its ledger, each sale's stock moved once. */
  async function expectBooksBalance() {
    const registers = await asOwner<{ register_id: string; numbers: number[] }>(
      `SELECT register_id, array_agg(receipt_number ORDER BY receipt_number) AS numbers FROM sale WHERE tenant_id = $1 GROUP BY register_id`,
      [shop.tenantId],
    );
    for (const { register_id, numbers } of registers) {
      expect({ register_id, numbers: numbers.map(Number) }).toEqual({ register_id, numbers: numbers.map((_, index) => index + 1) });
    }
    const levels = await asOwner<{ on_hand: number; ledger: string }>(
      `SELECT l.on_hand, (SELECT coalesce(sum(delta), 0) FROM stock_ledger g WHERE g.tenant_id = l.tenant_id AND g.store_id = l.store_id AND g.product_id = l.product_id) AS ledger
         FROM stock_level l WHERE l.tenant_id = $1`,
      [shop.tenantId],
    );
    expect(levels.map((level) => [level.on_hand, Number(level.ledger)])).toEqual(levels.map((level) => [level.on_hand, level.on_hand]));
    const [moves] = await asOwner<{ sold: string; ledger: string }>(
      `SELECT (SELECT coalesce(sum(quantity), 0) FROM sale_line WHERE tenant_id = $1) AS sold,
              (SELECT coalesce(-sum(delta), 0) FROM stock_ledger WHERE tenant_id = $1 AND reason = 'sale') AS ledger`,
      [shop.tenantId],
    );
    expect(Number(moves.ledger)).toBe(Number(moves.sold));
  }

  /**
   * Every committed event is published with one sequence (gapless per tenant), handed to the queue, and
   * processed by every consumer that takes its type; the analytics rollup counts each sale line once.
   */
  async function expectEveryEventDelivered() {
    await eventually(
      () =>
        asOwner<{ waiting: string }>(
          `SELECT count(*) AS waiting FROM outbox_event e
            WHERE e.tenant_id = $1
              AND (e.sequence IS NULL OR e.dispatched_at IS NULL
                   OR EXISTS (SELECT 1 FROM (SELECT DISTINCT p.consumer FROM processed_event p JOIN outbox_event o ON o.tenant_id = p.tenant_id AND o.id = p.event_id
                                              WHERE o.tenant_id = e.tenant_id AND o.type = e.type) wanted
                               WHERE NOT EXISTS (SELECT 1 FROM processed_event q WHERE q.tenant_id = e.tenant_id AND q.event_id = e.id AND q.consumer = wanted.consumer)))`,
          [shop.tenantId],
        ),
      ([row]) => Number(row.waiting) === 0,
      90_000,
    );
    const [sequences] = await asOwner<{ events: string; distinct: string; max: string }>(
      `SELECT count(*) AS events, count(DISTINCT sequence) AS distinct, max(sequence) AS max FROM outbox_event WHERE tenant_id = $1`,
      [shop.tenantId],
    );
    expect([Number(sequences.distinct), Number(sequences.max)]).toEqual([Number(sequences.events), Number(sequences.events)]);
    const [sales] = await asOwner<{ sales: string; events: string }>(
      `SELECT (SELECT count(*) FROM sale WHERE tenant_id = $1) AS sales,
              (SELECT count(*) FROM outbox_event WHERE tenant_id = $1 AND type = 'sale.created') AS events`,
      [shop.tenantId],
    );
    expect(Number(sales.events)).toBe(Number(sales.sales));
    await eventually(
      () =>
        asOwner<{ sold: string; rolled: string }>(
          `SELECT (SELECT coalesce(sum(quantity), 0) FROM sale_line WHERE tenant_id = $1) AS sold,
                  (SELECT coalesce(sum(quantity), 0) FROM analytics_daily_product WHERE tenant_id = $1) AS rolled`,
          [shop.tenantId],
        ),
      ([row]) => row.sold === row.rolled,
      30_000,
    );
  }

  it('keeps taking sales while Redis is down, answers sign-in with 503, and delivers every event once Redis is back', async () => {
    const load = mixedLoad(8);
    await pause(1_500);
    await redis.stop();
    const during = mixedLoad(4);
    await pause(4_000);
    await during.stop();
    await redis.start();
    await pause(1_500);
    await load.stop();

    expect(serverErrors(load.tally, ['login'])).toEqual([]);
    expect(serverErrors(during.tally, ['login'])).toEqual([]);
    expect(during.tally['sale']?.[201]).toBeGreaterThan(0);
    expect(during.tally['login']?.[503]).toBeGreaterThan(0);
    expect(Object.keys(during.tally['login'] ?? {}).filter((status) => status !== '503' && status !== '200')).toEqual([]);
    expect([...load.unanswered, ...during.unanswered]).toEqual([]);
    await expectBooksBalance();
    // Events handed to the queue just before Redis died lost their jobs with it: the relay's recovery sweep hands them over again.
    await expectEveryEventDelivered();
  }, 180_000);

  it('carries on without a restart when PostgreSQL terminates its connections mid-load, and the relay listens again', async () => {
    const load = mixedLoad(8);
    await pause(1_000);
    for (let round = 0; round < 2; round++) {
      await asOwner(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database.name]);
      await pause(1_000);
    }
    await pause(1_000);
    await load.stop();

    // A request whose connection died under it may be refused with 503 (retry); never a 500.
    expect(serverErrors(load.tally, ['login', 'sale', 'read', 'search'])).toEqual([]);
    expect(load.unanswered).toEqual([]);
    expect((await call('POST', '/api/v1/sales', saleBody())).status).toBe(201);
    await eventually(
      () =>
        asOwner(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND application_name = 'kassa-outbox-listener' AND query ILIKE 'LISTEN%'`, [database.name]),
      (rows) => rows.length === 1,
      30_000,
    );
    await expectBooksBalance();
    await expectEveryEventDelivered();
  }, 180_000);

  it('loses nothing when the API is SIGKILLed during 200 concurrent checkouts: retried keys yield exactly one sale each', async () => {
    const attempts = Array.from({ length: 200 }, () => ({ key: uuidv7(), body: saleBody() }));
    // Killed once 30 sales are acknowledged: the other 170 are in flight or not yet sent.
    let acknowledgedSoFar = 0;
    let killed: Promise<void> | undefined;
    const outcomes = await Promise.all(
      attempts.map(async (attempt) => {
        try {
          const answer = await call('POST', '/api/v1/sales', attempt.body, { 'idempotency-key': attempt.key }, { timeoutMs: 120_000 });
          if (answer.status === 201 && ++acknowledgedSoFar === 30) killed = api.kill('SIGKILL');
          return { ...attempt, status: answer.status as number | undefined, saleId: answer.body?.id as string | undefined };
        } catch {
          return { ...attempt, status: undefined, saleId: undefined };
        }
      }),
    );
    await (killed ?? api.kill('SIGKILL'));
    const acknowledged = outcomes.filter((outcome) => outcome.status === 201);
    const unacknowledged = outcomes.filter((outcome) => outcome.status === undefined);
    expect(outcomes.filter((outcome) => outcome.status !== undefined && outcome.status !== 201)).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);
    expect(unacknowledged.length).toBeGreaterThan(0);

    api = await startBuiltApi(port, env());
    for (const attempt of unacknowledged) {
      const retried = await call('POST', '/api/v1/sales', attempt.body, { 'idempotency-key': attempt.key });
      expect({ key: attempt.key, status: retried.status, id: retried.body?.id }).toEqual({ key: attempt.key, status: 201, id: attempt.body.id });
    }
    // An acknowledged sale retried (its answer lost on the way back) is the same sale, not a second one.
    const replay = await call('POST', '/api/v1/sales', acknowledged[0].body, { 'idempotency-key': acknowledged[0].key });
    expect([replay.status, replay.body.id]).toEqual([201, acknowledged[0].saleId]);

    const ids = attempts.map((attempt) => attempt.body.id);
    const stored = await asOwner<{ id: string }>(`SELECT id FROM sale WHERE tenant_id = $1 AND id = ANY($2)`, [shop.tenantId, ids]);
    expect(stored.length).toBe(200);
    expect(acknowledged.every((outcome) => outcome.saleId === outcome.body.id)).toBe(true);
    await expectBooksBalance();
    await expectEveryEventDelivered();
  }, 300_000);
});
