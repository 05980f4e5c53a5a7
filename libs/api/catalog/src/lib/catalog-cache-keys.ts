import type { CacheKeyParts, EarlyCacheRequest } from '@kassa/api/cache';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@kassa/api/http';
import { isUUID } from 'class-validator';
import type { ProductSort } from './product-queries';

/** The products list's first page in the cache: its filters, its order and how many rows it fetches (the page size + 1). */
export function productListKey(filters: { categoryId?: string; active?: boolean }, sort: ProductSort, fetch: number): CacheKeyParts {
  return { categoryId: filters.categoryId, active: filters.active, sort, limit: fetch };
}

const LIST_QUERY = new Set(['limit', 'categoryId', 'active']);

/**
 * `productListKey` from a raw query, for answering before validation; only for queries in exactly the form the
 * validated one would take (anything else, such as a search, a cursor or `limit=07`, goes the usual way).
 */
export function productListKeyOfRequest({ query }: EarlyCacheRequest): CacheKeyParts | undefined {
  if (Object.keys(query).some((name) => !LIST_QUERY.has(name))) return undefined;
  const { limit, categoryId, active } = query;
  if (limit !== undefined && (typeof limit !== 'string' || !/^[1-9]\d*$/.test(limit) || Number(limit) > MAX_PAGE_SIZE)) return undefined;
  if (categoryId !== undefined && (typeof categoryId !== 'string' || !isUUID(categoryId))) return undefined;
  if (active !== undefined && active !== 'true' && active !== 'false') return undefined;
  return productListKey(
    { categoryId, active: active === undefined ? undefined : active === 'true' },
    'name',
    (limit === undefined ? DEFAULT_PAGE_SIZE : Number(limit)) + 1,
  );
}

/** The whole category tree has one entry per tenant; only a plain `GET /categories` is it. */
export function categoryTreeKeyOfRequest({ query }: EarlyCacheRequest): CacheKeyParts | undefined {
  return Object.keys(query).length === 0 ? {} : undefined;
}
