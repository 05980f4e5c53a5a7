import { Module } from '@nestjs/common';
import { InventoryModule } from '@kassa/api/inventory';
import { TenancyModule } from '@kassa/api/tenancy';
import { ReceiptGapsController } from './receipt-gaps.controller';
import { SalesReconciliationService } from './sales-reconciliation.service';
import { SalesController } from './sales.controller';
import { SalesService } from './sales.service';

@Module({
  imports: [InventoryModule, TenancyModule],
  controllers: [SalesController, ReceiptGapsController],
  providers: [SalesService, SalesReconciliationService],
  exports: [SalesService],
})
export class SalesModule {}
