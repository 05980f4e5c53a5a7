import { ErrorCode } from '@kassa/contracts';
import { ApiException, invalidField } from '@kassa/api/http';

/** A product that is not the shop's (or is gone), naming the field it came in when there is one. */
export const productNotFound = (field?: string) =>
  new ApiException(ErrorCode.ProductNotFound, 'No such product.', field ? [{ field, message: 'not a product of this shop' }] : undefined);

export const skuTaken = (sku: string) =>
  new ApiException(ErrorCode.SkuTaken, 'Another product has that SKU.', [{ field: 'sku', message: `sku ${sku} is in use` }]);

export const barcodesTaken = (codes: readonly string[]) =>
  new ApiException(
    ErrorCode.BarcodeTaken,
    'Another product has that barcode.',
    codes.map((code) => ({ field: 'barcodes', message: `barcode ${code} belongs to another product` })),
  );

export const categoryNotFound = (field?: string) =>
  new ApiException(ErrorCode.CategoryNotFound, 'No such category.', field ? [{ field, message: `${field} is not a category of this shop` }] : undefined);

export const categoryInUse = (children: number, products: number) =>
  new ApiException(ErrorCode.CategoryInUse, `The category still has ${children} subcategories and ${products} products.`);

export const categoryCycle = () => invalidField('parentId', 'parentId is this category or one of its subcategories', 'A category cannot sit inside itself.');

/** A delta (`updatedSince`) lists changes in time order; a search ranks by relevance: one or the other. */
export const deltaWithSearch = () =>
  invalidField('q', 'q cannot be combined with updatedSince', 'A delta lists changes in time order; search without updatedSince.');

export const deletedOutsideDelta = () =>
  invalidField('includeDeleted', 'includeDeleted needs updatedSince', 'Deleted rows are reported only in a delta (updatedSince).');

/** Search results come by relevance; a sort is for the list without `q`. */
export const sortWithSearch = () => invalidField('sort', 'sort cannot be combined with q', 'Search results come by relevance; sort the list without q.');

/** `ids` answers those products at once, by name: no search, sort or cursor beside it. */
export const idsWithListing = () => invalidField('ids', 'ids cannot be combined with q, sort or cursor', 'ids answers those products in one page, by name.');
