import { uuidv7 } from '@kassa/contracts';
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
  // Its own Redis prefix: with the shared one, another suite's API (any worktree's) takes this one's queued events.
  const api = await startBuiltApi(await freePort(), {
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: `web-e2e-${uuidv7()}:`,
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
