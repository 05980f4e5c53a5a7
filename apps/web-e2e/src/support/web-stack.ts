import { randomBytes } from 'node:crypto';
import { createTestDatabase, freePort, ServerProcess, startBuiltApi, startBuiltWeb, TEST_REDIS_URL, TestDatabase } from '@kassa/testing';

/** The built API on its own database and real Redis, and the built web app in front of it. */
export interface WebStack {
  database: TestDatabase;
  api: ServerProcess;
  web: ServerProcess;
  close(): Promise<void>;
}

/** `makeDatabase` makes the stack's database: an empty one by default, or e.g. a copy of the big shop (`bigShopDatabase`). */
export async function startWebStack(
  apiEnv: Record<string, string> = {},
  webEnv: Record<string, string> = {},
  makeDatabase: () => Promise<TestDatabase> = () => createTestDatabase(),
): Promise<WebStack> {
  const database = await makeDatabase();
  // Its own Redis keys (queues, throttles, cache): stacks of suites running at once on one Redis never take each other's jobs.
  const redisPrefix = `web-e2e:${randomBytes(6).toString('hex')}:`;
  const api = await startBuiltApi(await freePort(), { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: redisPrefix, ...apiEnv });
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
