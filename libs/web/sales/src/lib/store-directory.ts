'use client';
import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kassa/api-client';
import { callApi, queryKeys, useApiAccess, type ApiError } from '@kassa/web/data-access';

export type Store = Schemas['StoreDto'];
export type Register = Schemas['RegisterDto'];

export interface StoreDirectory {
  stores: Store[];
  registersOf(storeId: string): Register[];
  storeName(storeId: string): string | undefined;
  registerName(registerId: string): string | undefined;
}

/** The stores the person may see and their registers, to name a sale's store and till. */
export function useStoreDirectory({ enabled = true }: { enabled?: boolean } = {}) {
  const access = useApiAccess();
  return useQuery<StoreDirectory, ApiError>({
    queryKey: queryKeys.list('store', { with: 'registers' }),
    enabled,
    queryFn: async ({ signal }) => {
      const stores = (await callApi(access, (http) => http.GET('/api/v1/stores', { signal }), signal)).items;
      const registers = await Promise.all(
        stores.map((store) => callApi(access, (http) => http.GET('/api/v1/stores/{id}/registers', { params: { path: { id: store.id } }, signal }), signal)),
      );
      return directoryOf(
        stores,
        registers.flatMap((list) => list.items),
      );
    },
    staleTime: 60_000,
  });
}

function directoryOf(stores: Store[], registers: Register[]): StoreDirectory {
  const storeById = new Map(stores.map((store) => [store.id, store]));
  const registerById = new Map(registers.map((register) => [register.id, register]));
  return {
    stores,
    registersOf: (storeId) => registers.filter((register) => register.storeId === storeId),
    storeName: (storeId) => storeById.get(storeId)?.name,
    registerName: (registerId) => registerById.get(registerId)?.name,
  };
}
