export { InventoryModule } from './lib/inventory.module';
export { StockService } from './lib/stock.service';
export type { MoveManyOptions, StockMovement, StockMoveResult } from './lib/stock.service';
