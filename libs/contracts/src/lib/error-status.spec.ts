import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ErrorCode } from './error-code';
import { ERROR_STATUS } from './error-status';

const codes = Object.values(ErrorCode);

/** `code → status` from the error table of docs/api.md (rows may list several codes). */
function documentedStatuses(): Map<string, number> {
  const doc = readFileSync(path.resolve(__dirname, '../../../../docs/api.md'), 'utf8');
  const table = doc.slice(doc.indexOf('| code | status | when |'));
  const documented = new Map<string, number>();
  for (const row of table.split('\n').slice(2)) {
    if (!row.startsWith('|')) break;
    const [codesCell, statusCell] = row.split('|').slice(1, 3);
    for (const [, code] of codesCell.matchAll(/`([a-z_]+)`/g)) documented.set(code, Number(statusCell.trim()));
  }
  return documented;
}

describe('ERROR_STATUS', () => {
  it.each(codes)('gives %s one client or server error status', (code) => {
    expect(Number.isInteger(ERROR_STATUS[code])).toBe(true);
    expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
    expect(ERROR_STATUS[code]).toBeLessThan(600);
  });

  it('has no status for a code that does not exist', () => {
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...codes].sort());
  });

  it('is what docs/api.md tells partners, code by code', () => {
    const documented = documentedStatuses();
    expect(
      codes.filter((code) => documented.get(code) !== ERROR_STATUS[code]).map((code) => `${code}: docs ${documented.get(code)}, code ${ERROR_STATUS[code]}`),
    ).toEqual([]);
    expect([...documented.keys()].filter((code) => !codes.includes(code as ErrorCode))).toEqual([]);
  });
});
