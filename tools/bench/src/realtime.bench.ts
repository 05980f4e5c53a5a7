import { mkdir } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { EventEnvelope, REALTIME_NAMESPACE, uuidv7 } from '@kassa/contracts';
import { ChildProcess, spawn } from 'node:child_process';
import { createTestDatabase, freePort, TEST_REDIS_URL } from '@kassa/testing';
import { ms, percentile } from './latency';

// Realtime fan-out: CLIENTS sockets split over two built API processes sharing PostgreSQL and Redis (the sharded
// adapter), SALES sales through the two replicas in turn from SELLERS concurrent sellers. Latency is commit-to-receive:
// from the sale's HTTP response (its transaction has committed) to its `sale.created` arriving at each socket. It
// prints what it measured; it asserts nothing.
const CLIENTS = Number(process.argv[2] ?? 500);
const SALES = Number(process.argv[3] ?? 1000);
const SELLERS = 4;

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function post<T>(baseUrl: string, path: string, token: string | undefined, body: object): Promise<T> {
  return json<T>(
    await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }),
  );
}

function connect(baseUrl: string, token: string, onEvent: (event: EventEnvelope) => void): Promise<Socket> {
  const socket = io(`${baseUrl}${REALTIME_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  socket.on('event', onEvent);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

interface Replica {
  baseUrl: string;
  process: ChildProcess;
}

/** The built API (`nx run api:build`, run from the workspace root) as a process of its own, once /health/ready answers. */
async function startReplica(env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(process.cwd(), 'dist/apps/api/apps/api/src/main.js')], {
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let waited = 0; waited < 60_000; waited += 200) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    if (
      await fetch(`${baseUrl}/health/ready`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { baseUrl, process: child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error('the API was not ready within 60 s');
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const dataDir = join(tmpdir(), `kassa-bench-realtime-${database.name}`);
  await mkdir(dataDir, { recursive: true });
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: `kassa-bench:${database.name}:`,
    JWT_SECRET: `kassa-bench-jwt-secret-${database.name}-padding`,
    OUTBOX_POLL_MS: '200',
    KASSA_DATA_DIR: dataDir,
  };
  const replicas: Replica[] = [];
  const sockets: Socket[] = [];
  try {
    replicas.push(await startReplica(env));
    replicas.push(await startReplica({ ...env, DATABASE_MIGRATE_ON_START: 'false' }));
    const [a] = replicas;
    const slug = `bench-${uuidv7().slice(-10)}`;
    const signup = await post<{ accessToken: string; tenant: { id: string } }>(a.baseUrl, '/api/v1/signup', undefined, {
      tenantName: 'Bench',
      slug,
      ownerName: 'Bench Owner',
      email: `owner@${slug}.test`,
      password: 'correct horse battery staple',
      currency: 'EUR',
      timeZone: 'UTC',
      pricesIncludeTax: true,
    });
    const token = signup.accessToken;
    const storeId = (await post<{ id: string }>(a.baseUrl, '/api/v1/stores', token, { name: 'Bench store', code: 'BENCH' })).id;
    const product = await post<{ id: string }>(a.baseUrl, '/api/v1/products', token, {
      sku: 'BENCH-1',
      name: 'Bench item',
      priceMinor: 100,
      trackStock: false,
    });

    const committedAt = new Map<string, number>();
    const latencies: number[] = [];
    let received = 0;
    let lastReceivedAt = 0;
    let saleCreatedReceived = 0;
    let allReceived: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allReceived = resolve));
    const pending = new Map<string, number[]>();
    const onEvent = (event: EventEnvelope) => {
      const now = performance.now();
      received++;
      lastReceivedAt = now;
      if (event.type !== 'sale.created') return;
      const at = committedAt.get(event.aggregateId);
      if (at === undefined) pending.set(event.aggregateId, [...(pending.get(event.aggregateId) ?? []), now]);
      else latencies.push(now - at);
      if (++saleCreatedReceived === CLIENTS * SALES) allReceived();
    };
    for (let index = 0; index < CLIENTS; index++) sockets.push(await connect(replicas[index % 2].baseUrl, token, onEvent));

    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SELLERS }, async () => {
        while (next < SALES) {
          const index = next++;
          const sale = await post<{ id: string }>(replicas[index % 2].baseUrl, '/api/v1/sales', token, {
            storeId,
            lines: [{ productId: product.id, quantity: 1 }],
            tenders: [{ type: 'card', amountMinor: 100 }],
          });
          const at = performance.now();
          committedAt.set(sale.id, at);
          // A push that beat the HTTP response to this process: its latency counts as 0.
          for (const early of pending.get(sale.id) ?? []) latencies.push(Math.max(0, early - at));
          pending.delete(sale.id);
        }
      }),
    );
    const salesMs = performance.now() - started;
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 120_000))]);
    const fanOutMs = lastReceivedAt - started;

    console.log(
      `clients: ${CLIENTS} over 2 replicas, sales: ${SALES} from ${SELLERS} sellers, CPUs: ${cpus().length}, load: ${loadavg()
        .map((v) => v.toFixed(2))
        .join(' ')}`,
    );
    console.log(`sales/s through the API: ${Math.round((SALES / salesMs) * 1000)}`);
    console.log(`sale.created delivered: ${saleCreatedReceived} of ${CLIENTS * SALES}`);
    console.log(`commit-to-receive p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}`);
    console.log(`messages received: ${received} (every event type), fan-out: ${Math.round((received / fanOutMs) * 1000)} messages/s`);
  } finally {
    for (const socket of sockets) socket.close();
    for (const replica of replicas) {
      const exited = new Promise((resolve) => replica.process.once('exit', resolve));
      replica.process.kill('SIGTERM');
      await exited;
    }
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
