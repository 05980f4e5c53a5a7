export { EditPurchaseOrderView, NewPurchaseOrderView } from './lib/purchase-order-editor';
export { PurchaseOrderView } from './lib/purchase-order-view';
export { PurchaseOrdersView } from './lib/purchase-orders-view';
export { ReorderView } from './lib/reorder-view';
export { SupplierView } from './lib/supplier-view';
export { SuppliersView } from './lib/suppliers-view';
