import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';

/** A product a line may sell, with what one unit costs (priced by the shared pricing function). */
export interface SellableProduct {
  id: string;
  totalMinor: number;
}

export interface CheckoutClientsInput {
  origin: string;
  accessToken: string;
  storeId: string;
  /** One POS register per client: each numbers its own receipts, so clients never contend on one. */
  registerIds: string[];
  /** Line k of every sale takes a random product of `lines[k]`; the groups are in product id order. */
  lines: SellableProduct[][];
  warmUpMs: number;
  measureMs: number;
}

export type CheckoutClientsMessage =
  { kind: 'measuring' } | { kind: 'done'; sales: number; elapsedMs: number; latencies: number[]; errors: number; firstError?: string };

// Runs in a worker thread so the load generator does not share the API's event loop (pgbench is a
// process of its own too). Closed loop: each client sends its next sale when the last one answered.
async function main(input: CheckoutClientsInput, port: NonNullable<typeof parentPort>): Promise<void> {
  const pool = new Pool(input.origin, { connections: input.registerIds.length });
  const receiptNumbers = input.registerIds.map(() => 0);
  let errors = 0;
  let firstError: string | undefined;

  const sell = async (client: number): Promise<{ latency: number; ok: boolean }> => {
    const products = input.lines.map((group) => group[Math.floor(Math.random() * group.length)]);
    const body = JSON.stringify({
      storeId: input.storeId,
      registerId: input.registerIds[client],
      receiptNumber: ++receiptNumbers[client],
      lines: products.map((product) => ({ productId: product.id, quantity: 1 })),
      tenders: [{ type: 'card', amountMinor: products.reduce((total, product) => total + product.totalMinor, 0) }],
    });
    const started = performance.now();
    const response = await pool.request({
      path: '/api/v1/sales',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${input.accessToken}` },
      body,
    });
    const answer = await response.body.text();
    const latency = performance.now() - started;
    if (response.statusCode !== 201) {
      errors++;
      firstError ??= `${response.statusCode} ${answer}`;
    }
    return { latency, ok: response.statusCode === 201 };
  };
  const runUntil = async (until: number, latencies: number[]) => {
    await Promise.all(
      input.registerIds.map(async (_, client) => {
        while (performance.now() < until) {
          const { latency, ok } = await sell(client);
          if (ok) latencies.push(latency);
        }
      }),
    );
  };

  await runUntil(performance.now() + input.warmUpMs, []);
  port.postMessage({ kind: 'measuring' } satisfies CheckoutClientsMessage);
  const latencies: number[] = [];
  const started = performance.now();
  await runUntil(started + input.measureMs, latencies);
  const elapsedMs = performance.now() - started;
  await pool.close();
  port.postMessage({ kind: 'done', sales: latencies.length, elapsedMs, latencies, errors, firstError } satisfies CheckoutClientsMessage);
}

// A failure rejects here and ends the worker with it: the bench reports it and stops.
if (parentPort) void main(workerData as CheckoutClientsInput, parentPort);
