#!/usr/bin/env node
// `npm start`: builds what changed, seeds the demo shop on first run (KASSA_DEMO=false skips it),
// starts the API (embedded PostgreSQL under ./data unless DATABASE_URL is set) and the web app,
// waits until both answer, and prints where they are and the demo login. Ctrl+C stops both cleanly.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const apiPort = process.env.PORT ?? '3000';
const webPort = process.env.WEB_PORT ?? '3001';
const apiUrl = `http://localhost:${apiPort}`;
const webUrl = `http://localhost:${webPort}`;
const env = {
  ...process.env,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NEXT_TELEMETRY_DISABLED: '1',
  // Keep the terminal readable; set LOG_LEVEL=info for request logs.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};

// KASSA_SKIP_BUILD=1: already built (the test suite), and an Nx cache restore would rewrite files in use.
if (process.env.KASSA_SKIP_BUILD !== '1') {
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,web,seed', '--output-style=static'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Before the API starts: the embedded database admits one process at a time.
let demoLogin = 'none (KASSA_DEMO=false)';
if (process.env.KASSA_DEMO !== 'false') {
  const seed = spawnSync(
    process.execPath,
    ['dist/tools/seed/tools/seed/src/seed.js', '--tenant', 'demo', '--products', '300', '--stores', '2', '--seed', '42'],
    { cwd: root, env, encoding: 'utf8' },
  );
  process.stdout.write(seed.stdout);
  process.stderr.write(seed.stderr);
  if (seed.status !== 0) process.exit(seed.status ?? 1);
  demoLogin = /Demo login: (.*)/.exec(seed.stdout)?.[1] ?? demoLogin;
}

const children = new Set();
let stopping = false;

function start(name, args, extraEnv) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream, target) =>
    stream.on('data', (chunk) => {
      for (const line of String(chunk).split('\n').filter(Boolean)) target.write(`[${name}] ${line}\n`);
    });
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`[${name}] stopped unexpectedly (${signal ?? `exit ${code}`}); stopping Kassa.`);
      stop(1);
    }
  });
  return child;
}

async function waitFor(name, url, child) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.error(`[${name}] did not answer at ${url} within 2 minutes.`);
  return false;
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  const exitWhenDone = () => (children.size === 0 ? process.exit(code) : setTimeout(exitWhenDone, 100));
  exitWhenDone();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const api = start('api', ['dist/apps/api/apps/api/src/main.js'], {
  PORT: apiPort,
  WEB_ORIGIN: process.env.WEB_ORIGIN ?? webUrl,
});
if (!(await waitFor('api', `${apiUrl}/health/ready`, api))) stop(1);
else {
  const web = start('web', ['node_modules/next/dist/bin/next', 'start', 'apps/web', '--port', webPort], {
    KASSA_API_URL: `http://127.0.0.1:${apiPort}`,
  });
  if (!(await waitFor('web', webUrl, web))) stop(1);
  else {
    const database = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${process.env.KASSA_DATA_DIR ?? './data'}`;
    console.log(
      [
        '',
        'Kassa is running.',
        `  Back office and POS  ${webUrl}`,
        `  API                  ${apiUrl}/api/v1`,
        `  API docs (OpenAPI)   ${apiUrl}/api/docs`,
        `  Health               ${apiUrl}/health/ready`,
        `  Database             ${database}`,
        `  Redis                ${process.env.REDIS_URL ? 'REDIS_URL' : 'not used (in-process job queue and sign-in throttle)'}`,
        `  Demo login           ${demoLogin}`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  }
}
