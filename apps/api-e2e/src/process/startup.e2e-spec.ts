import { createTestDatabase, runBuilt, startBuiltWorker, TEST_REDIS_URL, TestDatabase } from '@kassa/testing';

describe('starting the built API', () => {
  it('refuses a malformed setting, naming the variable and what it expects, without a stack trace', async () => {
    const result = await runBuilt('main', { PORT: 'eighty', DATABASE_URL: 'mysql://db/kassa' });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/PORT: .*integer.*\(got "eighty"\)/);
    expect(result.output).toMatch(/DATABASE_URL: .*URL/);
    expect(result.output).not.toMatch(/\bat .+\.js:\d+/);
  });

  it('refuses to start a worker without real PostgreSQL and Redis', async () => {
    const result = await runBuilt('main', { KASSA_ROLE: 'worker' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('DATABASE_URL: the worker needs real PostgreSQL and Redis');
    expect(result.output).toContain('REDIS_URL: the worker needs real PostgreSQL and Redis');
  });

  describe('db:migrate on PostgreSQL', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(() => database.drop());

    it('applies pending migrations once, then finds the schema up to date', async () => {
      const first = await runBuilt('migrate', { DATABASE_URL: database.url });
      expect(first.code).toBe(0);
      expect(first.output).toMatch(/Applied to PostgreSQL:\n\s+CreateAppRoleAndInstallation/);
      const second = await runBuilt('migrate', { DATABASE_URL: database.url });
      expect(second.code).toBe(0);
      expect(second.output).toContain('schema is up to date');
    });

    it('lets a worker start once PostgreSQL and Redis are configured, and stops it cleanly', async () => {
      const worker = await startBuiltWorker({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL });
      expect(await worker.stop()).toBe(0);
    });
  });
});
