import { randomUUID } from 'node:crypto';
import { createTestDatabase, freePort, ServerProcess, startBuiltApi, startBuiltWeb, TEST_REDIS_URL, TestDatabase } from '@kassa/testing';

/** The built API on its own database and real Redis, and the built web app in front of it. */
export interface WebStack {
  database: TestDatabase;
  api: ServerProcess;
  web: ServerProcess;
  close(): Promise<void>;
}

export async function startWebStack(apiEnv: Record<string, string> = {}, webEnv: Record<string, string> = {}): Promise<WebStack> {
  const database = await createTestDatabase();
  // Its own Redis key prefix: queues and throttles are not shared with other stacks running on the machine at the
  // same time (another stack's worker would take this one's webhook jobs; failed sign-ins elsewhere would lock 127.0.0.1).
  const api = await startBuiltApi(await freePort(), {
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: `web-e2e-${randomUUID()}:`,
    ...apiEnv,
  });
  const web = await startBuiltWeb(await freePort(), { KASSA_API_URL: api.baseUrl, ...webEnv });
  return {
    database,
    api,
    web,
    async close() {
      await web.stop();
      await api.stop();
      await database.drop();
    },
  };
}
