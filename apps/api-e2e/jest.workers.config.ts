// The correctness suites again, against the API as 2 processes sharing a port (API_WORKERS=2, decision 0039):
// startTestApi runs a cluster beside its in-process app and `api.http()` goes there (issue 31's acceptance).
export default {
  displayName: 'api-e2e-workers',
  preset: '../../jest.preset.js',
  setupFiles: ['<rootDir>/src/support/api-workers.setup.ts'],
  testMatch: [
    '<rootDir>/src/inventory/stock.e2e-spec.ts',
    '<rootDir>/src/http/idempotency.e2e-spec.ts',
    '<rootDir>/src/sales/checkout.e2e-spec.ts',
    '<rootDir>/src/stores/registers.e2e-spec.ts',
    '<rootDir>/src/events/outbox.e2e-spec.ts',
    '<rootDir>/src/reliability/faults.e2e-spec.ts',
    '<rootDir>/src/identity/login-redis-outage.e2e-spec.ts',
  ],
};
