import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
const generate = (...args: string[]) => spawnSync(process.execPath, ['tools/api-client/generate.mjs', ...args], { cwd: WORKSPACE_ROOT, encoding: 'utf8' });

describe('the generated API client', () => {
  it("matches the built API's OpenAPI document", () => {
    const result = generate('--check');
    expect(result.stdout).toContain('matches');
    expect(result.status).toBe(0);
  });

  it('is reported stale when it differs from the document', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kassa-client-'));
    try {
      const stale = path.join(dir, 'openapi.ts');
      writeFileSync(stale, 'export interface paths {}\n');
      const result = generate('--check', '--out', stale);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('is stale');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
