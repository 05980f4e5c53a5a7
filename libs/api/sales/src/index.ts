export { SalesModule } from './lib/sales.module';
export { SalesService } from './lib/sales.service';
export { SalesHistoryService } from './lib/sales-history.service';
export type { SaleDto } from './lib/dto/sale.dto';
export { SaleFactsModule } from './lib/sale-facts.module';
export { SaleFactsService } from './lib/sale-facts.service';
export type {
  BasketPairFacts,
  CustomerDayFacts,
  ProductDayFacts,
  SaleFacts,
  SaleFactWindow,
  SaleFigures,
  StoreDay,
  StoreHourFacts,
} from './lib/sale-facts.service';
