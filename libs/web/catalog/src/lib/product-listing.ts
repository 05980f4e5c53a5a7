import type { DataTableSort } from '@kassa/web/ui';

/** Rows asked for at a time as the products list grows while it scrolls. */
export const PRODUCT_BATCH = 100;

export const STOCK_STATE_OPTIONS = [
  { value: 'in', label: 'In stock' },
  { value: 'low', label: 'Low stock' },
  { value: 'out', label: 'Out of stock' },
] as const;
export type StockStateFilter = (typeof STOCK_STATE_OPTIONS)[number]['value'];

const PRODUCT_SORTS = ['name', '-name', 'sku', '-sku', 'price', '-price'] as const;
type ProductSort = (typeof PRODUCT_SORTS)[number];

const isStockState = (value: string | undefined): value is StockStateFilter => STOCK_STATE_OPTIONS.some((option) => option.value === value);
const isProductSort = (value: string | undefined): value is ProductSort => PRODUCT_SORTS.some((sort) => sort === value);

/** Whether the table's filters pick a stock state, which inventory's read answers (with the store it is for). */
export function stockFilterOf(filters: Readonly<Record<string, string>>): { state: StockStateFilter; storeId: string } | undefined {
  const state = filters['stock'];
  const storeId = filters['storeId'];
  return isStockState(state) && storeId ? { state, storeId } : undefined;
}

/** `GET /products` for the table's filters and sort: a search comes by relevance, so it sends no sort. */
export function productListQuery(filters: Readonly<Record<string, string>>, sort: DataTableSort | undefined, cursor: string | undefined) {
  const q = filters['q']?.trim();
  const order = sort && `${sort.desc ? '-' : ''}${sort.id}`;
  return {
    ...(q ? { q } : isProductSort(order) ? { sort: order } : {}),
    ...productFilters(filters),
    ...(cursor ? { cursor } : {}),
    limit: PRODUCT_BATCH,
  };
}

/** `GET /inventory/levels` for a stock state: every product of the store (never-moved at 0) in that state, within the product filters. */
export function stockLevelQuery(filters: Readonly<Record<string, string>>, cursor: string | undefined) {
  const stock = stockFilterOf(filters);
  if (!stock) throw new Error('stockLevelQuery needs a stock state and a store');
  return { includeZero: true, storeId: stock.storeId, state: stock.state, ...productFilters(filters), ...(cursor ? { cursor } : {}), limit: PRODUCT_BATCH };
}

function productFilters(filters: Readonly<Record<string, string>>): { active?: boolean; categoryId?: string } {
  return {
    ...(filters['active'] ? { active: filters['active'] === 'true' } : {}),
    ...(filters['categoryId'] ? { categoryId: filters['categoryId'] } : {}),
  };
}
