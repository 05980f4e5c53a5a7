'use client';
import { Select, type DataTableQueryState } from '@kassa/web/ui';
import type { StoreDirectory } from './store-directory';

/** A list's store filter and, once a store is picked, its register filter (a register only counts with its store). */
export function StoreRegisterFilter({ table, directory }: { table: DataTableQueryState; directory: StoreDirectory | undefined }) {
  const storeId = table.filterValues['storeId'] ?? '';
  return (
    <>
      <Select
        label="Store"
        hideLabel
        placeholder="All stores"
        options={(directory?.stores ?? []).map((store) => ({ value: store.id, label: store.name }))}
        value={storeId}
        onChange={(event) => {
          table.setFilter('storeId', event.target.value);
          table.setFilter('registerId', '');
        }}
      />
      {storeId && (
        <Select
          label="Register"
          hideLabel
          placeholder="All registers"
          options={(directory?.registersOf(storeId) ?? []).map((register) => ({ value: register.id, label: register.name }))}
          value={table.filterValues['registerId'] ?? ''}
          onChange={(event) => table.setFilter('registerId', event.target.value)}
        />
      )}
    </>
  );
}
