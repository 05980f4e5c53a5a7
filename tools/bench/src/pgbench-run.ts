import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface PgbenchOptions {
  databaseUrl: string;
  /** Passed at connection start (PGOPTIONS), as the API's pool starts its own (APP_CONNECTION_OPTIONS): row-level security and settings alike. */
  connectionOptions: string;
  clients: number;
  threads: number;
  seconds: number;
  scriptPath: string;
  defines: Map<string, string>;
}

export interface PgbenchResult {
  transactions: number;
  /** As pgbench reports it: without the initial connection time. */
  tps: number;
  latencyAverageMs: number;
  /** Per transaction, from pgbench's transaction log. */
  latencies: number[];
}

const run = promisify(execFile);
const PGBENCH = process.env['PGBENCH'] ?? 'pgbench';

function reported(output: string, pattern: RegExp): number {
  const match = pattern.exec(output);
  if (!match) throw new Error(`pgbench did not report ${pattern}:\n${output}`);
  return Number(match[1]);
}

/** One timed pgbench run in extended query mode (as node-postgres sends parameterised statements). */
export async function runPgbench(options: PgbenchOptions): Promise<PgbenchResult> {
  const url = new URL(options.databaseUrl);
  const logs = await mkdtemp(join(tmpdir(), 'kassa-pgbench-'));
  try {
    const args = [
      ...['-n', '-M', 'extended', '-c', String(options.clients), '-j', String(options.threads), '-T', String(options.seconds)],
      ...['-f', options.scriptPath, '-l', `--log-prefix=${join(logs, 'tx')}`],
      ...[...options.defines].flatMap(([name, value]) => ['-D', `${name}=${value}`]),
      ...['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username), decodeURIComponent(url.pathname.slice(1))],
    ];
    const env = { ...process.env, PGOPTIONS: options.connectionOptions, ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}) };
    const { stdout } = await run(PGBENCH, args, { env, maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`pgbench failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    });

    const latencies: number[] = [];
    for (const file of await readdir(logs)) {
      // client_id transaction_no time_us script_no epoch epoch_us
      for (const line of (await readFile(join(logs, file), 'utf8')).split('\n')) {
        const microseconds = Number(line.split(' ')[2]);
        if (line && Number.isFinite(microseconds)) latencies.push(microseconds / 1000);
      }
    }
    return {
      transactions: reported(stdout, /number of transactions actually processed: (\d+)/),
      tps: reported(stdout, /tps = ([\d.]+) \(without initial connection time\)/),
      latencyAverageMs: reported(stdout, /latency average = ([\d.]+) ms/),
      latencies,
    };
  } finally {
    await rm(logs, { recursive: true, force: true });
  }
}
