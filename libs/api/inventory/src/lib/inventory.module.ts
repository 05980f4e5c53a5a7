import { Module } from '@nestjs/common';
import { CatalogModule } from '@kassa/api/catalog';
import { TenancyModule } from '@kassa/api/tenancy';
import { CountImportService } from './count-import.service';
import { InventoryController } from './inventory.controller';
import { InventoryService } from './inventory.service';
import { StockService } from './stock.service';

@Module({
  imports: [CatalogModule, TenancyModule],
  controllers: [InventoryController],
  providers: [StockService, InventoryService, CountImportService],
  exports: [StockService],
})
export class InventoryModule {}
