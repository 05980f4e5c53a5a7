#!/usr/bin/env node
// `npm run fuzz -- --runs 1000 --seed N [--route "POST /api/v1/sales"]`: the OpenAPI fuzz suite
// (apps/api-e2e/src/reliability/fuzz.e2e-spec.ts) with a larger budget than CI's. Without --seed it
// picks one and prints it; a failure prints the seed and the command that replays it.
// Needs PostgreSQL and Redis as `npm test` does (TEST_DATABASE_URL, TEST_REDIS_URL).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '1000' }, seed: { type: 'string' }, route: { type: 'string' } },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed N] [--route "METHOD /path"]');
  process.exit(2);
}
console.log(`Fuzzing ${values.route ?? 'every operation'} with seed ${seed}, ${runs} runs per operation.`);
const env = {
  ...process.env,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  FUZZ_RUNS: String(runs),
  FUZZ_SEED: String(seed),
  ...(values.route ? { FUZZ_ROUTE: values.route } : {}),
};
const result = spawnSync('npx', ['jest', 'apps/api-e2e/src/reliability/fuzz.e2e-spec.ts'], { cwd: root, env, stdio: 'inherit' });
console.log(
  result.status === 0 ? `No fault found (seed ${seed}).` : `Fault found with seed ${seed}: replay with npm run fuzz -- --seed ${seed} --runs ${runs}.`,
);
process.exit(result.status ?? 1);
