export { ApiClient, createApiClient } from './lib/api-client';
export type { ApiClientOptions, KassaHttp, Readiness, Schemas } from './lib/api-client';
export type { components, operations, paths } from './lib/generated/openapi';
