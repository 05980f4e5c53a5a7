export { SaleView } from './lib/sale-view';
export { SalesView } from './lib/sales-view';
export { ShiftsView } from './lib/shifts/shifts-view';
export { ReconciliationView } from './lib/reconciliation-view';
export { SalesSummaryView } from './lib/sales-summary-view';
export { useStoreDirectory } from './lib/store-directory';
export type { StoreDirectory } from './lib/store-directory';
