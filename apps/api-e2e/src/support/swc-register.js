// `node -r` this to run TypeScript sources outside Jest (test-api-cluster.main.ts): compiled by swc with Jest's own
// settings (jest.preset.js), `@kassa/*` imports resolved through tsconfig.base.json's paths. Compiled files are kept
// under tmp/, by content: every process of every cluster a suite starts loads the whole API.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const { register } = require('tsconfig-paths');

const root = path.resolve(__dirname, '../../../..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
const [, swcOptions] = Object.values(require(path.join(root, 'jest.preset.js')).transform)[0];
const cache = path.join(root, 'tmp', 'swc-register');

register({ baseUrl: root, paths: compilerOptions.paths });
mkdirSync(cache, { recursive: true });
require.extensions['.ts'] = (module, filename) => {
  const source = readFileSync(filename, 'utf8');
  const compiled = path.join(cache, `${createHash('sha1').update(filename).update(source).digest('hex')}.js`);
  let code;
  try {
    code = readFileSync(compiled, 'utf8');
  } catch {
    code = transformSync(source, { ...swcOptions, filename }).code;
    // Written aside and renamed: another process may be reading the same entry.
    writeFileSync(`${compiled}.${process.pid}`, code);
    renameSync(`${compiled}.${process.pid}`, compiled);
  }
  module._compile(code, filename);
};
