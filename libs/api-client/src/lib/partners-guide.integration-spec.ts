import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { createTestDatabase, freePort, ServerProcess, startBuiltApi, TEST_REDIS_URL, TestDatabase } from '@kassa/testing';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
const GUIDE = path.join(WORKSPACE_ROOT, 'docs/partners.md');

/** The guide's fenced TypeScript blocks, in order: one program, as a reader would paste it. */
export function typeScriptBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
}

describe('docs/partners.md, run as written', () => {
  let database: TestDatabase;
  let api: ServerProcess;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startBuiltApi(await freePort(), { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    dir = mkdtempSync(path.join(tmpdir(), 'kassa-partners-guide-'));
  });

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('goes from signing up to a verified webhook and a caught-up event feed', () => {
    const blocks = typeScriptBlocks(readFileSync(GUIDE, 'utf8'));
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    const program = path.join(dir, 'guide.mjs');
    // `@kassa/sdk` is this library's own entry, bundled in as a partner would get it from npm.
    buildSync({
      stdin: { contents: blocks.join('\n'), loader: 'ts', resolveDir: dir, sourcefile: 'partners.md.ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: program,
      alias: { '@kassa/sdk': path.join(WORKSPACE_ROOT, 'libs/api-client/src/sdk.ts') },
      nodePaths: [path.join(WORKSPACE_ROOT, 'node_modules')],
      // Bundled CommonJS dependencies (standardwebhooks) require Node's own modules.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'error',
    });
    const run = spawnSync(process.execPath, [program], { env: { PATH: process.env['PATH'], KASSA_API_URL: api.baseUrl }, encoding: 'utf8', timeout: 90_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Refused as expected: 409 sku_taken');
    expect(run.stdout).toMatch(/Verified product\.created/);
    expect(run.stdout).toMatch(/Caught up to sequence [1-9]/);
  });
});
