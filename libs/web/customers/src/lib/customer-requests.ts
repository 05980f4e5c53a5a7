import { queryKeys } from '@kassa/web/data-access';

export const customerKeys = {
  all: queryKeys.entity('customer'),
  list: (params: object) => queryKeys.list('customer', params),
  detail: (id: string) => queryKeys.detail('customer', id),
};
