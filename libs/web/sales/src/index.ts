export { SaleView } from './lib/sale-view';
export { SalesView } from './lib/sales-view';
export { ShiftsView } from './lib/shifts/shifts-view';
