import type { Schemas } from '@kassa/api-client';
import { queryKeys } from '@kassa/web/data-access';

export type Supplier = Schemas['SupplierDto'];
export type SupplierDetail = Schemas['SupplierDetailDto'];
export type PurchaseOrder = Schemas['PurchaseOrderDto'];
export type PurchaseOrderLine = Schemas['PurchaseOrderLineDto'];
export type PurchaseOrderStatus = PurchaseOrder['status'];
export type ReorderSuggestion = Schemas['ReorderSuggestionDto'];
export type Receipt = Schemas['ReceiptDto'];

export const supplierKeys = {
  all: queryKeys.entity('supplier'),
  list: (params: object) => queryKeys.list('supplier', params),
  detail: (id: string) => queryKeys.detail('supplier', id),
};

export const purchaseOrderKeys = {
  all: queryKeys.entity('purchase-order'),
  list: (params: object) => queryKeys.list('purchase-order', params),
  detail: (id: string) => queryKeys.detail('purchase-order', id),
};

export const reorderKeys = {
  all: queryKeys.entity('reorder-suggestion'),
  list: (storeId: string) => queryKeys.list('reorder-suggestion', { storeId }),
};

export const STATUS_LABEL: Record<PurchaseOrderStatus, string> = {
  draft: 'Draft',
  submitted: 'Awaiting approval',
  approved: 'Approved',
  rejected: 'Rejected',
  ordered: 'Ordered',
  partially_received: 'Partially received',
  received: 'Received',
  closed: 'Closed',
  cancelled: 'Cancelled',
};
