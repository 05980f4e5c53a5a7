// Shared Jest settings: swc for speed (with the decorator metadata Nest and TypeORM need)
// and the tsconfig.base.json path aliases, so tests import libs exactly as the apps do.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias.replace(/[/.]/g, '\\$&')}$`, path.join(__dirname, target)]),
);

module.exports = {
  testEnvironment: 'node',
  // Jest's default "soft" clean-up of globals a test file left behind wraps each property in a setter that
  // recurses forever when it is written again (Sentry's versioned `__SENTRY__` carrier is): RangeError in CI.
  testEnvironmentOptions: { globalsCleanup: 'off' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  moduleNameMapper,
  // ESM-only packages required from CommonJS code (Node 20's require(esm) is not available inside Jest).
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
};
