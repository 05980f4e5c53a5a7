#!/usr/bin/env node
// Builds @kassa/sdk (libs/api-client/src/sdk.ts) into dist/libs/sdk: one ESM and one CommonJS bundle (its
// dependencies left to npm), the type declarations, and the package.json that `npm pack` / `npm publish` read.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'dist/libs/sdk');
const library = JSON.parse(readFileSync(path.join(root, 'libs/api-client/package.json'), 'utf8'));
const workspace = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const dependencies = ['openapi-fetch', 'standardwebhooks'];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = {
  entryPoints: [path.join(root, 'libs/api-client/src/sdk.ts')],
  bundle: true,
  platform: 'neutral',
  target: 'es2022',
  external: dependencies,
  logLevel: 'warning',
};
await build({ ...common, format: 'esm', outfile: path.join(out, 'index.mjs') });
await build({ ...common, format: 'cjs', outfile: path.join(out, 'index.cjs'), mainFields: ['main', 'module'] });

const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'libs/api-client/tsconfig.sdk.json'), '--outDir', path.join(out, 'types')],
  { stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

writeFileSync(
  path.join(out, 'package.json'),
  JSON.stringify(
    {
      ...library,
      type: 'module',
      main: './index.cjs',
      module: './index.mjs',
      types: './types/sdk.d.ts',
      exports: { '.': { types: './types/sdk.d.ts', import: './index.mjs', require: './index.cjs' } },
      files: ['index.mjs', 'index.cjs', 'types'],
      engines: { node: '>=20' },
      dependencies: Object.fromEntries(dependencies.map((name) => [name, workspace.dependencies[name] ?? workspace.devDependencies[name]])),
    },
    null,
    2,
  ) + '\n',
);
console.log(`Built @kassa/sdk ${library.version} in ${path.relative(root, out)}.`);
