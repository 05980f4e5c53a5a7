export { ApiClient, createApiClient } from './lib/api-client';
export type { ApiClientOptions, Readiness } from './lib/api-client';
