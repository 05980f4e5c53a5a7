export { PurchasingModule } from './lib/purchasing.module';
