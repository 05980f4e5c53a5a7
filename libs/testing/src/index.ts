export { createTestDatabase, TEST_POSTGRES_URL, TEST_REDIS_URL } from './lib/test-services';
export type { TestDatabase } from './lib/test-services';
export { freePort } from './lib/free-port';
export { builtApiEntry, runBuilt, startBuiltApi, startBuiltWeb, startBuiltWorker } from './lib/server-process';
export type { ProcessResult, ServerProcess } from './lib/server-process';
export { signInOnTill, TILL_PIN } from './lib/till-session';
export type { ApiCall, TillSession } from './lib/till-session';
