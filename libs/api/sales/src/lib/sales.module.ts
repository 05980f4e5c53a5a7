import { Module } from '@nestjs/common';
import { AuthModule } from '@kassa/api/auth';
import { CatalogModule } from '@kassa/api/catalog';
import { CustomersModule } from '@kassa/api/customers';
import { InventoryModule } from '@kassa/api/inventory';
import { MailModule } from '@kassa/api/mail';
import { TenancyModule } from '@kassa/api/tenancy';
import { ReceiptGapsController } from './receipt-gaps.controller';
import { SaleReceiptEmailsService } from './sale-receipt-emails.service';
import { SaleReceiptsService } from './sale-receipts.service';
import { SaleRefundsService } from './sale-refunds.service';
import { SaleVoidsService } from './sale-voids.service';
import { SalesHistoryService } from './sales-history.service';
import { SalesReconciliationService } from './sales-reconciliation.service';
import { SalesSummaryService } from './sales-summary.service';
import { SalesController } from './sales.controller';
import { SalesService } from './sales.service';
import { ShiftDrawersService } from './shift-drawers.service';
import { ShiftReportService } from './shift-report.service';
import { ShiftSettingsService } from './shift-settings.service';
import { ShiftsController } from './shifts.controller';
import { ShiftsService } from './shifts.service';

@Module({
  imports: [AuthModule, CatalogModule, CustomersModule, InventoryModule, MailModule, TenancyModule],
  controllers: [SalesController, ReceiptGapsController, ShiftsController],
  providers: [
    SalesService,
    SalesReconciliationService,
    SaleRefundsService,
    SaleVoidsService,
    SaleReceiptsService,
    SaleReceiptEmailsService,
    SalesSummaryService,
    SalesHistoryService,
    ShiftSettingsService,
    ShiftDrawersService,
    ShiftReportService,
    ShiftsService,
  ],
  exports: [SalesService, SalesHistoryService],
})
export class SalesModule {}
