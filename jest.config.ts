import type { Config } from 'jest';

// Every suite in the repo, run by `npm test` (tools/test/run-tests.mjs sums them up).
const config: Config = {
  projects: [
    '<rootDir>/apps/*/jest.config.ts',
    // The correctness suites a second time, against 2 API processes (API_WORKERS=2).
    '<rootDir>/apps/api-e2e/jest.workers.config.ts',
    '<rootDir>/libs/**/jest.config.ts',
    '<rootDir>/tools/*/jest.config.ts',
  ],
  // Global in Jest (projects cannot set it): the e2e suites start real servers.
  testTimeout: 90_000,
};

export default config;
