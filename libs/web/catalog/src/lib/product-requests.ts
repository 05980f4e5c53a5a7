import type { KassaHttp, Schemas } from '@kassa/api-client';
import { queryKeys } from '@kassa/web/data-access';

export type Product = Schemas['ProductDto'];
export type ProductChanges = Schemas['UpdateProductDto'];

export const productKeys = {
  all: queryKeys.entity('product'),
  list: (params: object) => queryKeys.list('product', params),
  detail: (id: string) => queryKeys.detail('product', id),
};

/** PATCH with the version read as If-Match, unless the person chose to overwrite a newer one. */
export function updateProduct(http: KassaHttp, id: string, changes: ProductChanges, version: number | undefined) {
  return http.PATCH('/api/v1/products/{id}', {
    params: { path: { id }, header: version === undefined ? undefined : { 'If-Match': `"${version}"` } },
    body: changes,
  });
}
