#!/usr/bin/env node
// The last check of `npm test`: every error code the e2e suites saw an operation answer is one the OpenAPI
// document lists for that operation and status. The e2e harness (apps/api-e2e/src/support/response-record.ts)
// appends each response to tmp/api-responses/*.jsonl, one file per Jest worker; this merges them and compares
// with the committed document (libs/api-client/src/lib/generated/openapi.json). Exits 1 naming what is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
export const RECORD_DIR = path.join(root, 'tmp/api-responses');
const DOCUMENT = path.join(root, 'libs/api-client/src/lib/generated/openapi.json');

/** Every recorded response, from every worker's file. */
export function recordedResponses(dir = RECORD_DIR) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line));
}

function documentedCodes(operation, status) {
  const schema = operation.responses?.[status]?.content?.['application/problem+json']?.schema;
  return new Set((schema?.allOf ?? []).flatMap((part) => part.properties?.code?.enum ?? []));
}

/** `operationId status code` of each observed error the document does not list, once each. */
export function undocumentedErrors(document, responses) {
  const missing = new Map();
  for (const { method, route, status, code } of responses) {
    if (status < 400 || !code) continue;
    const operation = document.paths[route.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    // Test probe modules mount routes of their own: not part of the API.
    if (!operation) continue;
    if (!documentedCodes(operation, status).has(code))
      missing.set(`${operation.operationId} ${status} ${code}`, { operationId: operation.operationId, status, code });
  }
  return [...missing.values()].sort((a, b) => a.operationId.localeCompare(b.operationId) || a.status - b.status || a.code.localeCompare(b.code));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const responses = recordedResponses();
  if (responses.length === 0) {
    console.log('Documented errors: no e2e responses recorded, nothing to compare.');
    process.exit(0);
  }
  const missing = undocumentedErrors(JSON.parse(readFileSync(DOCUMENT, 'utf8')), responses);
  if (missing.length === 0) {
    console.log(`Documented errors: all ${responses.length} recorded responses answer codes the OpenAPI document lists.`);
    process.exit(0);
  }
  console.error('Error codes the e2e suites saw that the OpenAPI document does not list (add them to');
  console.error('libs/api/bootstrap/src/lib/open-api/operation-errors.ts, then `npm run api-client:generate`):');
  for (const { operationId, status, code } of missing) console.error(`  ${operationId} ${status} ${code}`);
  process.exit(1);
}
