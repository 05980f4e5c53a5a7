export { CustomersModule } from './lib/customers.module';
export { CustomersService } from './lib/customers.service';
export type { PurchaseChange } from './lib/customers.service';
