import { Module } from '@nestjs/common';
import { CatalogModule } from '@kassa/api/catalog';
import { InventoryModule } from '@kassa/api/inventory';
import { MailModule } from '@kassa/api/mail';
import { SalesModule } from '@kassa/api/sales';
import { TenancyModule } from '@kassa/api/tenancy';
import { PurchaseOrderDocumentService } from './purchase-order-document.service';
import { PurchaseOrderReceiptsService } from './purchase-order-receipts.service';
import { PurchaseOrdersController } from './purchase-orders.controller';
import { PurchaseOrdersService } from './purchase-orders.service';
import { PurchasingSettingsService } from './purchasing-settings.service';
import { PurchasingController } from './purchasing.controller';
import { ReorderSuggestionsService } from './reorder-suggestions.service';
import { SuppliersController } from './suppliers.controller';
import { SuppliersService } from './suppliers.service';

@Module({
  imports: [CatalogModule, InventoryModule, MailModule, SalesModule, TenancyModule],
  controllers: [SuppliersController, PurchaseOrdersController, PurchasingController],
  providers: [
    SuppliersService,
    PurchaseOrdersService,
    PurchaseOrderReceiptsService,
    PurchaseOrderDocumentService,
    PurchasingSettingsService,
    ReorderSuggestionsService,
  ],
})
export class PurchasingModule {}
