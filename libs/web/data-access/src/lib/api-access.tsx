'use client';
import { createContext, useContext } from 'react';
import type { KassaHttp } from '@kassa/api-client';
import { apiErrorOf, networkError } from './api-error';

/** What the data hooks need from the session: the typed client and a way to renew a refused token. */
export interface ApiAccess {
  http: KassaHttp;
  /** After a 401: true when a fresh access token was obtained (the request is sent once more), false when the session is over. */
  renewSession(): Promise<boolean>;
}

/** An openapi-fetch answer: `data` on success, `error` (the problem document) otherwise. */
export interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export type ApiRequest<T> = (http: KassaHttp, signal: AbortSignal | undefined) => Promise<ApiResult<T>>;

const ApiAccessContext = createContext<ApiAccess | undefined>(undefined);

/** Provided by the session (libs/web/auth); everything below it can use the data hooks. */
export const ApiAccessProvider = ApiAccessContext.Provider;

export function useApiAccess(): ApiAccess {
  const access = useContext(ApiAccessContext);
  if (!access) throw new Error('the data hooks need an <ApiAccessProvider> (the session) above them');
  return access;
}

async function send<T>(access: ApiAccess, request: ApiRequest<T>, signal: AbortSignal | undefined): Promise<ApiResult<T>> {
  try {
    return await request(access.http, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw networkError(error);
  }
}

/** One call with the one error policy: a 401 renews the session and tries once more; any other failure becomes an ApiError. */
export async function callApi<T>(access: ApiAccess, request: ApiRequest<T>, signal?: AbortSignal): Promise<T> {
  let result = await send(access, request, signal);
  if (result.response.status === 401 && (await access.renewSession())) result = await send(access, request, signal);
  if (!result.response.ok) throw apiErrorOf(result.response, result.error);
  return result.data as T;
}
