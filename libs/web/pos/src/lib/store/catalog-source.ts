import type { KassaHttp, Schemas } from '@kassa/api-client';
import { callApi, type ApiAccess } from '@kassa/web/data-access';
import type { CatalogChanges, FullCatalog, SnapshotCategory, SnapshotProduct, StockHint } from './catalog-snapshot';

const PAGE = 200;

export function snapshotProduct(product: Schemas['ProductDto']): SnapshotProduct {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    categoryId: product.categoryId,
    priceMinor: product.priceMinor,
    taxRateBps: product.taxRateBps,
    barcodes: product.barcodes,
    active: product.active,
    trackStock: product.trackStock,
    unit: product.unit,
  };
}

const snapshotCategory = (category: Schemas['CategoryDto']): SnapshotCategory => ({ id: category.id, name: category.name, parentId: category.parentId });

interface ProductPass {
  products: SnapshotProduct[];
  deletedIds: string[];
  syncedTo: string;
}

/** Every page of one products pass; all pages answer the same `syncedTo` (the API carries it in the cursor). */
async function productPass(access: ApiAccess, since: string | undefined): Promise<ProductPass> {
  const pass: ProductPass = { products: [], deletedIds: [], syncedTo: '' };
  let cursor: string | undefined;
  do {
    const page = await callApi(access, (http: KassaHttp, signal) =>
      http.GET('/api/v1/products', {
        params: { query: { limit: PAGE, cursor, ...(since ? { updatedSince: since, includeDeleted: true } : { updatedSince: new Date(0).toISOString() }) } },
        signal,
      }),
    );
    pass.products.push(...page.items.map(snapshotProduct));
    pass.deletedIds.push(...(page.deleted ?? []).map((deleted) => deleted.id));
    pass.syncedTo = page.syncedTo ?? pass.syncedTo;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pass;
}

async function categoryPass(access: ApiAccess, since: string | undefined) {
  const list = await callApi(access, (http, signal) =>
    http.GET('/api/v1/categories', { params: { query: since ? { updatedSince: since, includeDeleted: true } : {} }, signal }),
  );
  return { categories: list.items.map(snapshotCategory), deletedIds: (list.deleted ?? []).map((deleted) => deleted.id) };
}

/** On-hand quantities in one store. */
async function stockPass(access: ApiAccess, storeId: string): Promise<StockHint[]> {
  const hints: StockHint[] = [];
  let cursor: string | undefined;
  do {
    const page = await callApi(access, (http, signal) => http.GET('/api/v1/inventory/levels', { params: { query: { storeId, limit: PAGE, cursor } }, signal }));
    hints.push(...page.items.map((level) => ({ productId: level.productId, onHand: level.onHand })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return hints;
}

/** The register's favourites, in order. */
async function favouritesOf(access: ApiAccess, registerId: string): Promise<string[]> {
  return (await callApi(access, (http, signal) => http.GET('/api/v1/registers/{id}/favourites', { params: { path: { id: registerId } }, signal }))).productIds;
}

/** Where a till sells: its store's stock and its register's favourites. */
export interface TillPlace {
  storeId: string;
  registerId: string;
}

/** The whole catalog for a freshly paired till. */
export async function fetchFullCatalog(access: ApiAccess, place: TillPlace): Promise<FullCatalog> {
  const [products, categories, stock, favouriteIds] = await Promise.all([
    productPass(access, undefined),
    categoryPass(access, undefined),
    stockPass(access, place.storeId),
    favouritesOf(access, place.registerId),
  ]);
  return {
    products: products.products.filter((product) => product.active),
    categories: categories.categories,
    stock,
    favouriteIds,
    syncedTo: products.syncedTo,
  };
}

/**
 * Everything changed after `since`. Categories are asked with the same mark; a category changed between
 * the two requests comes again next time (deltas overlap, they never miss).
 */
export async function fetchCatalogChanges(access: ApiAccess, place: TillPlace, since: string): Promise<CatalogChanges> {
  const [products, categories, stock, favouriteIds] = await Promise.all([
    productPass(access, since),
    categoryPass(access, since),
    stockPass(access, place.storeId),
    favouritesOf(access, place.registerId),
  ]);
  return {
    favouriteIds,
    products: products.products,
    deletedProductIds: products.deletedIds,
    categories: categories.categories,
    deletedCategoryIds: categories.deletedIds,
    stock,
    syncedTo: products.syncedTo || since,
  };
}
