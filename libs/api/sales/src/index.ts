export { SalesModule } from './lib/sales.module';
export { SalesService } from './lib/sales.service';
export { SalesHistoryService } from './lib/sales-history.service';
export type { SaleDto } from './lib/dto/sale.dto';
