'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { KassaHttp } from '@kassa/api-client';
import { callApi, useApiAccess, type ApiRequest, type ApiResult } from './api-access';
import type { ApiError } from './api-error';

export interface ApiQueryOptions {
  enabled?: boolean;
  /** Keep showing the previous answer while the next one loads (paging, filtering). */
  keepPrevious?: boolean;
  /** Asks again every so often (a page that follows reports sent by devices). */
  refetchIntervalMs?: number;
}

// Only a server error may pass with a second try; the rest would fail the same way again.
const retryServerErrorsOnce = (failures: number, error: ApiError) => error.kind === 'server' && failures < 1;

/** A GET through the typed client under the one error policy; failures arrive as `ApiError` (see `kind`). */
export function useApiQuery<T>(key: QueryKey, request: ApiRequest<T>, options: ApiQueryOptions = {}): UseQueryResult<T, ApiError> {
  const access = useApiAccess();
  return useQuery<T, ApiError>({
    queryKey: key,
    queryFn: ({ signal }) => callApi(access, request, signal),
    enabled: options.enabled,
    retry: retryServerErrorsOnce,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    refetchInterval: options.refetchIntervalMs,
  });
}

export interface ApiMutationOptions<T, V> {
  /** Entities whose queries are stale after a success (`queryKeys.entity('product')`). */
  invalidates?: readonly QueryKey[];
  onSuccess?: (data: T, variables: V) => void;
}

/** A write through the typed client under the same policy; invalidates the queries it makes stale. */
export function useApiMutation<V, T>(
  request: (http: KassaHttp, variables: V) => Promise<ApiResult<T>>,
  options: ApiMutationOptions<T, V> = {},
): UseMutationResult<T, ApiError, V> {
  const access = useApiAccess();
  const queryClient = useQueryClient();
  return useMutation<T, ApiError, V>({
    mutationFn: (variables) => callApi(access, (http) => request(http, variables)),
    onSuccess: async (data, variables) => {
      await Promise.all((options.invalidates ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      options.onSuccess?.(data, variables);
    },
  });
}
