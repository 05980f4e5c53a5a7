export { CustomerView } from './lib/customer-view';
export { CustomersView } from './lib/customers-view';
