export { NewPurchaseOrderView } from './lib/new-purchase-order-view';
export { PurchaseOrderView } from './lib/purchase-order-view';
export { PurchaseOrdersView } from './lib/purchase-orders-view';
export { ReorderView } from './lib/reorder-view';
export { SupplierView } from './lib/supplier-view';
export { SuppliersView } from './lib/suppliers-view';
