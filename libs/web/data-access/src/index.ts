export { ApiAccessProvider, callApi, useApiAccess } from './lib/api-access';
export type { ApiAccess, ApiRequest, ApiResult } from './lib/api-access';
export { ApiError, apiErrorOf, isApiError } from './lib/api-error';
export type { ApiFailureKind } from './lib/api-error';
export { invalidateEntity, queryKeys } from './lib/query-keys';
export { emailReceipt } from './lib/receipt-email';
export { tablePageOf } from './lib/table-page';
export { useApiMutation, useApiQuery } from './lib/use-api';
export type { ApiMutationOptions, ApiQueryOptions } from './lib/use-api';
