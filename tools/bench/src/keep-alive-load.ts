import { Worker } from 'node:worker_threads';

export interface LoadResult {
  requests: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  perSecond: number;
}

// Runs in a worker thread, so the servers under test keep the main thread's event loop to themselves.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Pool } = require('undici');
const { origin, path, headers, connections, durationMs } = workerData;
const pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 30000 });
let requests = 0, errors = 0, firstError = null;
const until = Date.now() + durationMs;
async function client() {
  while (Date.now() < until) {
    try {
      const { statusCode, body } = await pool.request({ method: 'GET', path, headers });
      await body.arrayBuffer();
      if (statusCode === 200) requests += 1; else { errors += 1; firstError = firstError || String(statusCode); }
    } catch (error) { errors += 1; firstError = firstError || String(error); }
  }
}
const started = Date.now();
Promise.all(Array.from({ length: connections }, client)).then(async () => {
  const seconds = (Date.now() - started) / 1000;
  await pool.close();
  parentPort.postMessage({ requests, errors, firstError, seconds, perSecond: requests / seconds });
});
`;

/** Keep-alive GETs of one path from `connections` clients for `durationMs` (a small autocannon on undici). */
export function keepAliveLoad(origin: string, path: string, headers: Record<string, string>, connections = 16, durationMs = 5_000): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { origin, path, headers, connections, durationMs } });
    worker.once('message', (result: LoadResult) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}
