import { benchStockAdjusted } from './bench-event';
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { uuidv7 } from '@kassa/contracts';
import { TenantTransaction } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
import { Client } from 'pg';
import { Pool } from 'undici';
import { ms, percentile } from './latency';
import { startBenchApi } from './bench-api';
import { atLeast, atMost, printBenchResult } from './bench-result';

// Webhook deliveries per second and event-to-delivery latency (from the event's commit to its
// arrival at the receiver) through outbox → relay → consumer → `webhooks` queue → signed POST,
// with every event going to 3 endpoints on a local receiver, on real PostgreSQL and Redis. The same run's
// baseline: the same number of bare POSTs of a like body to the same receiver, as many in flight as the
// pipeline may have (the per-endpoint cap times the endpoints), over one keep-alive pool.
const EVENTS = Number(process.argv[2] ?? 10_000);
const ENDPOINTS = 3;
const WRITERS = 10;
const IN_FLIGHT_PER_ENDPOINT = 16;
const TARGET_PER_SECOND = 1000;
const TARGET_P95_MS = 500;

/** Deliveries/s the receiver takes from bare POSTs: the ceiling the pipeline is compared with. */
async function bareRate(origin: string, total: number): Promise<number> {
  const pool = new Pool(origin, { connections: ENDPOINTS * IN_FLIGHT_PER_ENDPOINT });
  const body = JSON.stringify({ id: uuidv7(), type: 'stock.adjusted', data: { index: 0 } });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: ENDPOINTS * IN_FLIGHT_PER_ENDPOINT }, async () => {
      while (next++ < total) {
        const response = await pool.request({ path: '/bare', method: 'POST', headers: { 'content-type': 'application/json', 'webhook-id': 'bare' }, body });
        await response.body.dump();
      }
    }),
  );
  const elapsed = performance.now() - started;
  await pool.close();
  return (total / elapsed) * 1000;
}

async function main(): Promise<void> {
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  let allDelivered: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allDelivered = resolve));
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.url === '/bare') return void response.writeHead(204).end();
      latencies.push(performance.now() - (committedAt.get(String(request.headers['webhook-id'])) ?? Number.NaN));
      response.writeHead(204).end();
      if (latencies.length === EVENTS * ENDPOINTS) allDelivered();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const url = `${origin}/hook`;
  const baseline = await bareRate(origin, EVENTS * ENDPOINTS);

  const { app, database, close } = await startBenchApi({
    DATABASE_POOL_SIZE: String(WRITERS + 30),
    OUTBOX_POLL_MS: '100',
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT: String(IN_FLIGHT_PER_ENDPOINT),
  });
  const owner = new Client({ connectionString: database.url });
  await owner.connect();
  try {
    const tenantId = uuidv7();
    await owner.query(
      `INSERT INTO tenant (id, slug, name, currency, time_zone, prices_include_tax, locale) VALUES ($1, 'bench', 'Bench', 'EUR', 'UTC', true, 'en-IE')`,
      [tenantId],
    );
    for (let index = 0; index < ENDPOINTS; index++) {
      await owner.query(`INSERT INTO webhook_endpoint (tenant_id, id, url, event_types, secret) VALUES ($1, $2, $3, '{*}', $4)`, [
        tenantId,
        uuidv7(),
        `${url}?endpoint=${index}`,
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      ]);
    }
    const tenants = app.get(TenantTransaction);
    const events = app.get(DomainEvents);

    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (next < EVENTS) {
          const index = next++;
          const id = await tenants.run(tenantId, (manager) => events.record({ manager, tenantId }, benchStockAdjusted(index)));
          committedAt.set(id, performance.now());
        }
      }),
    );
    await done;
    const totalMs = performance.now() - started;

    const figure = (latencies.length / totalMs) * 1000;
    const p95 = percentile(latencies, 95);
    console.log(`events: ${EVENTS}, endpoints: ${ENDPOINTS}, deliveries: ${latencies.length}, concurrent writers: ${WRITERS}`);
    console.log(`bare POSTs/s to the same receiver (baseline): ${Math.round(baseline)}`);
    console.log(`deliveries/s, end to end:        ${Math.round(figure)}`);
    console.log(`ratio deliveries / bare POSTs:    ${(figure / baseline).toFixed(2)}`);
    console.log(`event-to-delivery latency p50:    ${ms(percentile(latencies, 50))}`);
    console.log(`event-to-delivery latency p95:    ${ms(p95)}`);
    printBenchResult('webhooks', [
      {
        name: 'Webhook deliveries per second',
        value: Math.round(figure),
        unit: 'deliveries/s',
        baseline: { value: Math.round(baseline), label: 'bare keep-alive POSTs/s to the same receiver' },
        ...atLeast(Math.round(figure), TARGET_PER_SECOND),
      },
      { name: 'Webhook event-to-delivery p95', value: Math.round(p95), unit: 'ms', ...atMost(Math.round(p95), TARGET_P95_MS) },
    ]);
  } finally {
    await owner.end();
    await close();
    receiver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
