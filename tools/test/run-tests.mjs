#!/usr/bin/env node
// `npm test`: builds what the suites start (the API and web servers), runs every Jest project
// once, checks the error codes they saw against the OpenAPI document, and ends with the one line CI reads: `N passed, N failed[, N skipped]`.
// Extra arguments go to Jest: `npm test -- apps/api-e2e/src/health`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NEXT_TELEMETRY_DISABLED: '1' };
const run = (command, args) => spawnSync(command, args, { cwd: root, env, stdio: 'inherit' }).status;

if (run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']) !== 0) {
  console.log('0 passed, 1 failed');
  console.error('The build failed, so no test ran.');
  process.exit(1);
}

const resultsFile = path.join(root, 'tmp', 'jest-results.json');
mkdirSync(path.dirname(resultsFile), { recursive: true });
rmSync(resultsFile, { force: true });
// Each e2e worker appends its responses here; the documented-errors check reads them after every project ran.
rmSync(path.join(root, 'tmp', 'api-responses'), { recursive: true, force: true });
const jestStatus = run('npx', ['jest', '--maxWorkers=2', '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)]);

let results;
try {
  results = JSON.parse(readFileSync(resultsFile, 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  console.error('Jest wrote no results.');
  process.exit(1);
}

// After all projects: the error codes the e2e suites saw are the ones the OpenAPI document lists.
const documentedErrorsFailed = run('node', ['tools/test/check-documented-errors.mjs']) === 0 ? 0 : 1;

// A suite that fails to load runs no tests; count it as a failure, not as nothing.
const failed = results.numFailedTests + results.numRuntimeErrorTestSuites + documentedErrorsFailed;
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`${results.numPassedTests + 1 - documentedErrorsFailed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
const ok = jestStatus === 0 && results.success && failed === 0 && results.numTotalTests > 0;
process.exit(ok ? 0 : 1);
