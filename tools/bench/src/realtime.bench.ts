import { mkdir } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { EventEnvelope, REALTIME_NAMESPACE, uuidv7 } from '@kassa/contracts';
import { ChildProcess, spawn } from 'node:child_process';
import { createTestDatabase, freePort, TEST_REDIS_URL } from '@kassa/testing';
import { printBenchResult } from './bench-result';
import { ms, percentile } from './latency';

const round = (value: number) => Math.round(value * 10) / 10;
const below = (value: number, limit: number) => ({ target: `< ${limit}`, met: value < limit });

/** One phase's measurements: each socket's `sale.created` against the moment its sale's response arrived. */
class Phase {
  private readonly committedAt = new Map<string, number>();
  /** Pushes that beat the HTTP response to this process; their latency counts as 0. */
  private readonly early = new Map<string, number>();
  private readonly latencies: number[] = [];
  private messages = 0;
  private saleCreated = 0;
  private lastReceivedAt = 0;
  private allReceived: () => void = () => undefined;
  private readonly done = new Promise<void>((resolve) => (this.allReceived = resolve));

  constructor(private readonly expected: number) {}

  received(event: EventEnvelope): void {
    const now = performance.now();
    this.messages++;
    this.lastReceivedAt = now;
    if (event.type !== 'sale.created') return;
    const at = this.committedAt.get(event.aggregateId);
    if (at === undefined) this.early.set(event.aggregateId, (this.early.get(event.aggregateId) ?? 0) + 1);
    else this.latencies.push(now - at);
    if (++this.saleCreated === this.expected) this.allReceived();
  }

  committed(saleId: string): void {
    this.committedAt.set(saleId, performance.now());
    for (let count = this.early.get(saleId) ?? 0; count > 0; count--) this.latencies.push(0);
    this.early.delete(saleId);
  }

  async run(sell: () => Promise<void>) {
    const started = performance.now();
    await sell();
    const salesMs = performance.now() - started;
    await Promise.race([this.done, new Promise((resolve) => setTimeout(resolve, 120_000))]);
    return {
      salesPerSecond: Math.round((this.committedAt.size / salesMs) * 1000),
      delivered: this.saleCreated,
      p50: percentile(this.latencies, 50),
      p95: percentile(this.latencies, 95),
      p99: percentile(this.latencies, 99),
      messagesPerSecond: Math.round((this.messages / (this.lastReceivedAt - started)) * 1000),
    };
  }
}

// Realtime fan-out: CLIENTS sockets split over two built API processes sharing PostgreSQL and Redis (the sharded
// adapter), SALES sales through the two replicas in turn. Latency is commit-to-receive: from the sale's HTTP response
// (its transaction has committed) to its `sale.created` arriving at each socket. Two phases in one run:
// - paced: a sale every 1/RATE s whatever the answers do (an open loop, as tills ring up) — the latency a shop sees;
// - flat out: SELLERS sellers posting back to back — the most the machine fans out, and the latency once events queue.
// A closed loop alone measures only the queue: past the fan-out's capacity every sale waits for the ones before it.
// It prints what it measured; it asserts nothing.
const CLIENTS = Number(process.argv[2] ?? 500);
const SALES = Number(process.argv[3] ?? 1000);
// 20 tills each finishing a sale every 4 s: a busy shop, every sale reaching all CLIENTS sockets.
const RATE = Number(process.argv[4] ?? 5);
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

    let phase: Phase | undefined;
    for (let index = 0; index < CLIENTS; index++) sockets.push(await connect(replicas[index % 2].baseUrl, token, (event) => phase?.received(event)));
    const sell = async (index: number) => {
      const sale = await post<{ id: string }>(replicas[index % 2].baseUrl, '/api/v1/sales', token, {
        storeId,
        lines: [{ productId: product.id, quantity: 1 }],
        tenders: [{ type: 'card', amountMinor: 100 }],
      });
      phase?.committed(sale.id);
    };

    phase = new Phase(CLIENTS * SALES);
    const paced = await phase.run(async () => {
      const started = performance.now();
      const posts: Promise<void>[] = [];
      for (let index = 0; index < SALES; index++) {
        const wait = started + (index * 1000) / RATE - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        posts.push(sell(index));
      }
      await Promise.all(posts);
    });
    phase = new Phase(CLIENTS * SALES);
    const flatOut = await phase.run(async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: SELLERS }, async () => {
          while (next < SALES) await sell(next++);
        }),
      );
    });
    phase = undefined;

    const load = loadavg().map((value) => value.toFixed(2));
    console.log(`clients: ${CLIENTS} over 2 replicas, sales: ${SALES} per phase, CPUs: ${cpus().length}, load: ${load.join(' ')}`);
    for (const [name, figures] of [
      [`paced, ${RATE} sales/s`, paced],
      [`flat out, ${SELLERS} sellers`, flatOut],
    ] as const) {
      console.log(
        `${name}: ${figures.salesPerSecond} sales/s, sale.created delivered ${figures.delivered} of ${CLIENTS * SALES}, ` +
          `commit-to-receive p50 ${ms(figures.p50)}, p95 ${ms(figures.p95)}, p99 ${ms(figures.p99)}, fan-out ${figures.messagesPerSecond} messages/s`,
      );
    }
    printBenchResult(
      'realtime',
      [
        { name: `commit-to-receive p95, ${RATE} sales/s to ${CLIENTS} sockets`, value: round(paced.p95), unit: 'ms', ...below(paced.p95, 100) },
        { name: 'commit-to-receive p50, paced', value: round(paced.p50), unit: 'ms' },
        { name: 'commit-to-receive p99, paced', value: round(paced.p99), unit: 'ms' },
        { name: 'fan-out, flat out', value: flatOut.messagesPerSecond, unit: 'messages/s', note: `${flatOut.salesPerSecond} sales/s, p95 ${ms(flatOut.p95)}` },
      ],
      { clients: CLIENTS, sales: SALES, rate: RATE, load },
    );
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
