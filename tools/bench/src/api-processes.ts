import { request } from 'node:http';

/** GET /metrics on a connection of its own: with several API processes on one port, each connection reaches one of them. */
function scrape(origin: string, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const sent = request(`${origin}/metrics`, { agent: false, headers: { authorization: `Bearer ${token}` } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve(text));
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** Resolves once `count` distinct API processes have answered /metrics behind `origin` (the others boot after the first). */
export async function awaitApiProcesses(origin: string, metricsToken: string, count: number, timeoutMs = 120_000): Promise<void> {
  const seen = new Set<string>();
  const deadline = Date.now() + timeoutMs;
  while (seen.size < count) {
    if (Date.now() > deadline) throw new Error(`only ${seen.size} of ${count} API processes answered within ${timeoutMs} ms`);
    const pid = /^kassa_process_info\{pid="(\d+)"\} 1$/m.exec(await scrape(origin, metricsToken).catch(() => ''))?.[1];
    if (pid) seen.add(pid);
    else await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The resident memory of each API process behind `origin`, sampled from its /metrics (`kassa_process_info` names the
 * process, prom-client's `process_resident_memory_bytes` its RSS) until stopped; answers the most each process used.
 */
export function sampleApiMemory(origin: string, metricsToken: string, everyMs = 1000): { stop(): Promise<Map<string, number>> } {
  const most = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          const text = await scrape(origin, metricsToken).catch(() => '');
          const pid = /^kassa_process_info\{pid="(\d+)"\} 1$/m.exec(text)?.[1];
          const rss = Number(/^process_resident_memory_bytes (\d+)$/m.exec(text)?.[1]);
          if (pid && rss) most.set(pid, Math.max(most.get(pid) ?? 0, rss));
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return most;
    },
  };
}
