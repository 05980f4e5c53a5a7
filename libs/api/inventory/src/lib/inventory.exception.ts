import { ErrorCode } from '@kassa/contracts';
import { ApiException, invalidField } from '@kassa/api/http';

export const insufficientStock = (onHand: number, delta: number, field: string) =>
  new ApiException(ErrorCode.InsufficientStock, `Only ${onHand} on hand; the shop does not allow negative stock.`, [
    { field, message: `would leave ${onHand + delta} on hand` },
  ]);

export const sameStoreTransfer = () =>
  new ApiException(ErrorCode.SameStoreTransfer, 'A transfer needs two different stores.', [
    { field: 'toStoreId', message: 'toStoreId must differ from fromStoreId' },
  ]);

/** Product filters are asked of catalog, which only the `includeZero` read does. */
export const productFilterWithoutZero = (field: string) =>
  invalidField(field, `${field} needs includeZero=true`, 'Product filters apply to the read over every product (includeZero=true).');
