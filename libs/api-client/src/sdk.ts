// @kassa/sdk: what partners install (built by tools/sdk/build.mjs as ESM, CommonJS and types).
export { createKassa, Kassa } from './lib/sdk/kassa';
export type { KassaHttp, KassaOptions } from './lib/sdk/kassa';
export { KassaApiError } from './lib/sdk/kassa-api-error';
export type { ErrorCodeName, Problem } from './lib/sdk/kassa-api-error';
export { eachItem } from './lib/sdk/pages';
export type { Page } from './lib/sdk/pages';
export { retryAfterMs, retryingFetch } from './lib/sdk/retry';
export type { RetryOptions } from './lib/sdk/retry';
export { verifyWebhook } from './lib/sdk/verify-webhook';
export type { WebhookEvent, WebhookHeaders } from './lib/sdk/verify-webhook';
export type { components, operations, paths } from './lib/generated/openapi';
