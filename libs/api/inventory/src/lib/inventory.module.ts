import { Module } from '@nestjs/common';
import { CountImportService } from './count-import.service';
import { InventoryController } from './inventory.controller';
import { InventoryService } from './inventory.service';
import { StockService } from './stock.service';

@Module({
  controllers: [InventoryController],
  providers: [StockService, InventoryService, CountImportService],
  exports: [StockService],
})
export class InventoryModule {}
