import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SystemInfo } from '@kassa/contracts';
import { freePort, startBuiltApi } from '@kassa/testing';

describe('the built API with no DATABASE_URL or REDIS_URL (embedded mode)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kassa-embedded-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('starts on embedded PostgreSQL, keeps its data in KASSA_DATA_DIR and reads it back after a restart', async () => {
    const port = await freePort();
    const first = await startBuiltApi(port, { KASSA_DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const before: SystemInfo = await fetch(`${first.baseUrl}/api/v1/system`).then((response) => response.json() as Promise<SystemInfo>);
    expect(before.runtime).toEqual({ database: 'embedded', redis: 'in-process' });
    expect(first.output()).toContain(`embedded PGlite in ${dataDir}`);
    expect(await first.stop()).toBe(0);
    expect((await readdir(dataDir)).length).toBeGreaterThan(0);

    const second = await startBuiltApi(port, { KASSA_DATA_DIR: dataDir });
    const after: SystemInfo = await fetch(`${second.baseUrl}/api/v1/system`).then((response) => response.json() as Promise<SystemInfo>);
    const ready = await fetch(`${second.baseUrl}/health/ready`);
    expect(await second.stop()).toBe(0);

    expect(ready.status).toBe(200);
    expect(after.installationId).toBe(before.installationId);
    expect(after.installedAt).toBe(before.installedAt);
  });
});
