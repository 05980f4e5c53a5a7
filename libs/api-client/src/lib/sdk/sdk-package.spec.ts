import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const PACKAGE = path.resolve(__dirname, '../../../../../dist/libs/sdk');
const EXPORTS = ['KassaApiError', 'createKassa', 'eachItem', 'verifyWebhook'];

function node(args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd: PACKAGE, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

describe('the @kassa/sdk package (nx run api-client:build)', () => {
  beforeAll(() => {
    if (!existsSync(path.join(PACKAGE, 'package.json'))) throw new Error(`${PACKAGE} is missing: build first (npm test does: nx run-many -t build)`);
  });

  it('packs its ESM and CommonJS bundles and type declarations', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: PACKAGE, encoding: 'utf8' });
    expect(packed.status).toBe(0);
    const [{ name, files }] = JSON.parse(packed.stdout) as { name: string; files: { path: string }[] }[];
    expect(name).toBe('@kassa/sdk');
    expect(files.map((file) => file.path)).toEqual(expect.arrayContaining(['index.mjs', 'index.cjs', 'package.json', 'types/sdk.d.ts']));
  });

  it('loads with require and with import', () => {
    const keysOf = (source: string, type: 'commonjs' | 'module') => JSON.parse(node([`--input-type=${type}`, '-e', source])) as string[];
    expect(keysOf(`console.log(JSON.stringify(Object.keys(require('./index.cjs'))))`, 'commonjs')).toEqual(expect.arrayContaining(EXPORTS));
    expect(keysOf(`const sdk = await import('./index.mjs'); console.log(JSON.stringify(Object.keys(sdk)))`, 'module')).toEqual(expect.arrayContaining(EXPORTS));
  });
});
