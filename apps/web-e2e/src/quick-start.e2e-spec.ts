import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@kassa/testing';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');

describe('npm start (the README quick start) with no database or Redis configured', () => {
  let dataDir: string;
  let product: ChildProcess;
  let output = '';
  let apiPort: number;
  let webPort: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kassa-quick-start-'));
    [apiPort, webPort] = [await freePort(), await freePort()];
    product = spawn(process.execPath, ['tools/start/start.mjs'], {
      cwd: WORKSPACE_ROOT,
      // Nothing from the caller's shell: no DATABASE_URL, no REDIS_URL.
      env: {
        PATH: process.env['PATH'],
        HOME: process.env['HOME'],
        PORT: String(apiPort),
        WEB_PORT: String(webPort),
        KASSA_DATA_DIR: dataDir,
        // npm test has built everything; a second Nx run restores build outputs that other suites are reading.
        KASSA_SKIP_BUILD: '1',
      },
    });
    product.stdout?.on('data', (chunk) => (output += chunk));
    product.stderr?.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      const check = setInterval(() => {
        if (output.includes('Kassa is running.')) {
          clearInterval(check);
          resolve();
        } else if (product.exitCode !== null) {
          clearInterval(check);
          reject(new Error(`npm start exited with ${product.exitCode}:\n${output}`));
        }
      }, 200);
    });
  });

  afterAll(async () => {
    if (product.exitCode === null) {
      product.kill('SIGTERM');
      await new Promise((resolve) => product.once('exit', resolve));
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints where the web app, the API and its docs are, and that the database is embedded', () => {
    expect(output).toContain(`http://localhost:${webPort}`);
    expect(output).toContain(`http://localhost:${apiPort}/api/docs`);
    expect(output).toContain(`embedded PostgreSQL in ${dataDir}`);
  });

  it('serves a ready API on embedded PostgreSQL', async () => {
    const ready = await fetch(`http://127.0.0.1:${apiPort}/health/ready`);
    expect(ready.status).toBe(200);
    const system = await fetch(`http://127.0.0.1:${apiPort}/api/v1/system`).then((response) => response.json());
    expect(system).toMatchObject({ runtime: { database: 'embedded', redis: 'in-process' } });
  });

  it('seeds the demo shop and prints a login that works', async () => {
    const login = /Demo login\s+shop (\S+), email (\S+), password (\S+)/.exec(output);
    expect(login).not.toBeNull();
    const [, tenant, email, password] = login as RegExpExecArray;
    const signIn = await fetch(`http://127.0.0.1:${apiPort}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant, email, password }),
    });
    expect(signIn.status).toBe(200);
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const products = await fetch(`http://127.0.0.1:${apiPort}/api/v1/products?q=bananas&limit=5`, {
      headers: { authorization: `Bearer ${accessToken}` },
    }).then((response) => response.json() as Promise<{ items: { name: string }[] }>);
    expect(products.items.length).toBeGreaterThan(0);
    expect(products.items[0].name).toMatch(/Bananas/);
  });

  it('serves the web app, which shows the API as up', async () => {
    const html = await fetch(`http://127.0.0.1:${webPort}/`).then((response) => response.text());
    expect(html).toMatch(/data-state="up"[^>]*data-testid="api-status"/);
  });

  it('stops both servers cleanly on SIGTERM', async () => {
    product.kill('SIGTERM');
    const code = await new Promise((resolve) => product.once('exit', resolve));
    expect(code).toBe(0);
    expect(
      await fetch(`http://127.0.0.1:${apiPort}/health/live`).then(
        () => 'answered',
        () => 'closed',
      ),
    ).toBe('closed');
    expect(
      await fetch(`http://127.0.0.1:${webPort}/`).then(
        () => 'answered',
        () => 'closed',
      ),
    ).toBe('closed');
  });
});
