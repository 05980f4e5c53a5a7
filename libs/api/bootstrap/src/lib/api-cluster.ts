import cluster, { Worker } from 'node:cluster';

/**
 * Runs `workers` API processes sharing one port (node:cluster, decision 0039). The first starts alone, so it runs the
 * migrations before the others boot; it alone runs the outbox relay (the rest have OUTBOX_RELAY=false), so events are
 * published by one process per machine and wake it through LISTEN/NOTIFY. A worker that dies is started again; on
 * SIGTERM/SIGINT every worker drains and closes, and the primary exits 0 once all have.
 */
export async function runApiCluster(workers: number, log: (message: string) => void): Promise<void> {
  let stopping = false;
  const fork = (index: number): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork(index === 0 ? {} : { OUTBOX_RELAY: 'false' });
      let listening = false;
      worker.once('listening', () => {
        listening = true;
        resolve(worker);
      });
      worker.on('exit', (code, signal) => {
        if (stopping) return resolve(worker);
        // One that never came up (a bad setting, a database out of reach) would only fail again.
        if (!listening) return reject(new Error(`API worker ${index} exited with ${signal ?? code} before it listened`));
        log(`API worker ${index} (pid ${worker.process.pid}) stopped (${signal ?? `exit code ${code}`}); starting it again`);
        fork(index).catch((error: Error) => log(error.message));
      });
    });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    Promise.all(
      running.map((worker) => (worker.isDead() ? undefined : new Promise((resolve) => (worker.once('exit', resolve), worker.process.kill('SIGTERM'))))),
    ).then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  await fork(0);
  if (stopping) return;
  await Promise.all(Array.from({ length: workers - 1 }, (_, index) => fork(index + 1)));
  log(`Kassa API: ${workers} worker processes share the port`);
}
