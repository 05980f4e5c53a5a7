import { ErrorCode } from '@kassa/contracts';
import { ApiException } from '@kassa/api/http';

/** A store that is not the tenant's, or one the caller is limited away from: the same 404 either way. */
export const storeNotFound = (field?: string) =>
  new ApiException(ErrorCode.StoreNotFound, 'No such store.', field ? [{ field, message: 'not a store you can use' }] : undefined);

/** Store ids in a body (a user's stores) that are not stores the caller can see. */
export const storesNotFound = (field: string, ids: readonly string[]) =>
  new ApiException(
    ErrorCode.ReferenceNotFound,
    'Some stores do not exist.',
    ids.map((id) => ({ field, message: `store ${id} does not exist` })),
  );

export const storeCodeTaken = (code: string | undefined) =>
  new ApiException(ErrorCode.StoreCodeTaken, 'Another store has that code.', [{ field: 'code', message: `code ${code} is already used by another store` }]);

export const slugTaken = (slug: string) =>
  new ApiException(ErrorCode.SlugTaken, 'That shop address is taken.', [{ field: 'slug', message: `slug ${slug} is already in use` }]);

/** A register that is not the tenant's; with `field`, one named in a body that is not a register of the sale's store. */
export const registerNotFound = (field?: string) =>
  field
    ? new ApiException(ErrorCode.RegisterNotFound, 'No such register in this store.', [{ field, message: 'not a register of the store' }])
    : new ApiException(ErrorCode.RegisterNotFound, 'No such register.');

export const registerNameTaken = (name: string) =>
  new ApiException(ErrorCode.Conflict, 'The store has a register with that name.', [{ field: 'name', message: `${name} is taken in this store` }]);

/** A retired register takes nothing new; `field` names where its id came in (`registerId` in a body), else the path. */
export const registerRetired = (field?: string) =>
  new ApiException(
    ErrorCode.RegisterRetired,
    'The register is retired: reactivate it to use it again.',
    field ? [{ field, message: 'the register is retired' }] : undefined,
  );

export const apiRegisterNotRetirable = () =>
  new ApiException(ErrorCode.RegisterNotRetirable, "A store's API register cannot be retired: back-office and partner sales are rung up on it.", [
    { field: 'retired', message: 'the api register stays in use' },
  ]);

export const importMappingRefused = (field: string, message: string) =>
  new ApiException(ErrorCode.ImportMappingInvalid, 'The mapping names a column or field the import cannot use.', [{ field, message }]);
