import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The nearest folder up with nx.json: this file also runs compiled under dist/ (tools/bench). */
function workspaceRoot(from: string): string {
  const up = path.dirname(from);
  if (existsSync(path.join(from, 'nx.json'))) return from;
  if (up === from) throw new Error(`no nx.json above ${__dirname}`);
  return workspaceRoot(up);
}

const WORKSPACE_ROOT = workspaceRoot(__dirname);
const BUILT_API = path.join(WORKSPACE_ROOT, 'dist/apps/api/apps/api/src');
const NEXT_BIN = path.join(WORKSPACE_ROOT, 'node_modules/next/dist/bin/next');

export function builtApiEntry(name: 'main' | 'migrate'): string {
  const entry = path.join(BUILT_API, `${name}.js`);
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: build first (npm test does: nx run-many -t build)`);
  }
  return entry;
}

let dataDir: string | undefined;
/** One throwaway KASSA_DATA_DIR per test process, so servers never write (mail, embedded data) into the workspace's ./data. */
const throwawayDataDir = () => (dataDir ??= mkdtempSync(path.join(tmpdir(), 'kassa-test-data-')));

/** Only what the child needs: no DATABASE_URL or REDIS_URL leaks in from the caller's shell. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'], HOME: process.env['HOME'], LOG_LEVEL: 'warn', KASSA_DATA_DIR: throwawayDataDir(), ...env };
}

export interface ProcessResult {
  code: number | null;
  output: string;
}

/** Runs a built API entry point to completion. */
export function runBuilt(name: 'main' | 'migrate', env: Record<string, string>): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtApiEntry(name)], { env: childEnv(env) });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

export interface ServerProcess {
  baseUrl: string;
  output(): string;
  /** SIGTERM, then the exit code once it has stopped. */
  stop(): Promise<number | null>;
  /** Sends `signal` (SIGKILL: no shutdown at all) and resolves once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const START_LIMIT_MS = 120_000;

/** Spawns a long-running process and resolves once `isUp(output)` holds. */
async function startServer(
  args: string[],
  env: NodeJS.ProcessEnv,
  baseUrl: string,
  isUp: (output: string) => boolean | Promise<boolean>,
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, args, { env, cwd: WORKSPACE_ROOT });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const server: ServerProcess = {
    baseUrl,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };

  // Generous: a built API boots in 20–45 s on this 2-CPU machine when other work loads it, and two browser suites
  // starting their API and web app on the big shop's copies at once have taken longer.
  const deadline = Date.now() + START_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}:\n${output}`);
    if (await isUp(output)) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.stop();
  throw new Error(`${args.join(' ')} was not up within ${START_LIMIT_MS / 1000} s:\n${output}`);
}

const answers200 = (url: string) => () =>
  fetch(url).then(
    async (response) => {
      await response.arrayBuffer();
      return response.ok;
    },
    () => false,
  );

/** The built API; resolves once /health/ready answers 200 and, with API_WORKERS > 1, every worker listens. */
export function startBuiltApi(port: number, env: Record<string, string>): Promise<ServerProcess> {
  return startApiProcess(port, [builtApiEntry('main')], env);
}

/** An API started as `node …args` (the built one, or a test entry run from its source); resolves as startBuiltApi does. */
export function startApiProcess(port: number, args: string[], env: Record<string, string>): Promise<ServerProcess> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const ready = answers200(`${baseUrl}/health/ready`);
  const workers = Number(env['API_WORKERS'] ?? 1);
  // Otherwise every connection goes to the first worker until the others listen; runApiCluster says when they all do.
  const allListen = (output: string) => workers <= 1 || output.includes(`${workers} worker processes share the port`);
  return startServer(args, childEnv({ PORT: String(port), HOST: '127.0.0.1', ...env }), baseUrl, async (output) => allListen(output) && ready());
}

/** A worker process; resolves once it says it started. */
export function startBuiltWorker(env: Record<string, string>): Promise<ServerProcess> {
  return startServer([builtApiEntry('main')], childEnv({ KASSA_ROLE: 'worker', LOG_LEVEL: 'info', ...env }), '', (output) =>
    output.includes('Kassa worker started'),
  );
}

/** The built web app (`next start`); resolves once it serves. */
export function startBuiltWeb(port: number, env: Record<string, string>): Promise<ServerProcess> {
  if (!existsSync(path.join(WORKSPACE_ROOT, 'apps/web/.next/BUILD_ID'))) {
    throw new Error('apps/web/.next is missing: build first (npm test does: nx run-many -t build)');
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  return startServer(
    [NEXT_BIN, 'start', 'apps/web', '--port', String(port), '--hostname', '127.0.0.1'],
    childEnv({ NEXT_TELEMETRY_DISABLED: '1', ...env }),
    baseUrl,
    // An HTTP answer, not the "Ready" log line: the test's first request must find it listening.
    answers200(`${baseUrl}/offline`),
  );
}
