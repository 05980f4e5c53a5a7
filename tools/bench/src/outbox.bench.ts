import { benchStockAdjusted } from './bench-event';
import 'reflect-metadata';
import { uuidv7 } from '@kassa/contracts';
import { TenantTransaction } from '@kassa/api/database';
import { DomainEvents, EventConsumers } from '@kassa/api/events';
import { Client } from 'pg';
import { startBenchApi } from './bench-api';
import { atLeast, printBenchResult } from './bench-result';

// Events per second through outbox → relay → queue → consumer, beside the raw INSERT rate of the
// same rows by the same writers, measured side by side in one run on real PostgreSQL and Redis.
const EVENTS = Number(process.argv[2] ?? 5000);
const WRITERS = 10;

async function inParallel(total: number, write: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < total) await write(next++);
    }),
  );
  return performance.now() - started;
}

async function main(): Promise<void> {
  const { app, database, close } = await startBenchApi({ DATABASE_POOL_SIZE: String(WRITERS + 4), OUTBOX_POLL_MS: '100' });
  const owner = new Client({ connectionString: database.url });
  await owner.connect();
  try {
    const tenantId = uuidv7();
    await owner.query(
      `INSERT INTO tenant (id, slug, name, currency, time_zone, prices_include_tax, locale) VALUES ($1, 'bench', 'Bench', 'EUR', 'UTC', true, 'en-IE')`,
      [tenantId],
    );
    await owner.query(`CREATE TABLE raw_event (LIKE outbox_event INCLUDING ALL)`);

    let consumed = 0;
    let allConsumed: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allConsumed = resolve));
    app.get(EventConsumers).register({
      name: 'bench-counter',
      types: 'all',
      handle: async () => {
        if (++consumed === EVENTS) allConsumed();
      },
    });
    const tenants = app.get(TenantTransaction);
    const events = app.get(DomainEvents);
    const row = benchStockAdjusted;

    const rawMs = await inParallel(EVENTS, (index) =>
      tenants.run(tenantId, async (manager) => {
        const event = row(index);
        await manager.query(
          `INSERT INTO raw_event (tenant_id, id, type, aggregate_type, aggregate_id, aggregate_version, data) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [tenantId, uuidv7(), event.type, event.aggregateType, event.aggregateId, event.aggregateVersion, JSON.stringify(event.data)],
        );
      }),
    );

    const started = performance.now();
    const writeMs = await inParallel(EVENTS, (index) =>
      tenants.run(tenantId, async (manager) => {
        await events.record({ manager, tenantId }, row(index));
      }),
    );
    await done;
    const outboxMs = performance.now() - started;

    const rate = (ms: number) => Math.round((EVENTS / ms) * 1000);
    console.log(`events: ${EVENTS}, concurrent writers: ${WRITERS}`);
    console.log(`raw INSERT (same rows, one per transaction):          ${rate(rawMs)} rows/s`);
    console.log(`outbox writes (relay and consumers running alongside): ${rate(writeMs)} events/s`);
    console.log(`outbox -> relay -> BullMQ -> consumer, end to end:     ${rate(outboxMs)} events/s`);
    console.log(`ratio end-to-end / raw INSERT: ${(rawMs / outboxMs).toFixed(2)}`);
    // The figure is the end-to-end rate; its ratio to the raw rate (the table's Ratio column) is what the target is about.
    const target = Math.ceil(0.6 * rate(rawMs));
    printBenchResult('outbox', [
      {
        name: 'Outbox end to end (target: 0.6 × the raw INSERT rate)',
        value: rate(outboxMs),
        unit: 'events/s',
        baseline: { value: rate(rawMs), label: `raw INSERT of the same rows by the same writers` },
        ...atLeast(rate(outboxMs), target),
      },
    ]);
  } finally {
    await owner.end();
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
