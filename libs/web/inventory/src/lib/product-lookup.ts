import { callApi, isApiError, type ApiAccess } from '@kassa/web/data-access';
import type { SheetProduct } from './stock-sheet';

/**
 * The product a scanned or typed code names: a barcode first (compared as GTIN-14 by the API), then an
 * exact SKU. Undefined when neither matches.
 */
export async function productForCode(access: ApiAccess, code: string): Promise<SheetProduct | undefined> {
  try {
    const product = await callApi(access, (http) => http.GET('/api/v1/products/by-barcode/{code}', { params: { path: { code } } }));
    return { productId: product.id, name: product.name, sku: product.sku };
  } catch (error) {
    if (!isApiError(error) || error.kind !== 'not-found') throw error;
  }
  const page = await callApi(access, (http) => http.GET('/api/v1/products', { params: { query: { q: code, limit: 5 } } }));
  const product = page.items.find((item) => item.sku.toLowerCase() === code.toLowerCase());
  return product && { productId: product.id, name: product.name, sku: product.sku };
}

/** What a store holds of a product now (0 when it never moved there). */
export async function onHandOf(access: ApiAccess, storeId: string, productId: string): Promise<number> {
  const page = await callApi(access, (http) =>
    http.GET('/api/v1/inventory/levels', { params: { query: { storeId, productId, includeZero: true, limit: 1 } } }),
  );
  return page.items[0]?.onHand ?? 0;
}
