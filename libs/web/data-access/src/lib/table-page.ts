import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from './api-error';

/** A list query as a DataTable shows it: the page, whether it loads or refreshes, and a failure with its retry. */
export function tablePageOf<P>(query: UseQueryResult<P, ApiError>) {
  return {
    page: query.data,
    loading: query.isPending,
    refreshing: query.isPlaceholderData,
    failure: query.isError ? { kind: query.error.kind, retry: () => void query.refetch() } : undefined,
  };
}
