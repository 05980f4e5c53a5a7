import { Module } from '@nestjs/common';
import { CatalogModule } from '@kassa/api/catalog';
import { CustomersModule } from '@kassa/api/customers';
import { InventoryModule } from '@kassa/api/inventory';
import { TenancyModule } from '@kassa/api/tenancy';
import { AnalyticsRollupsModule } from './analytics-rollups.module';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsService } from './analytics.service';

/** The analytics API (issue 29) and its rollups. */
@Module({
  imports: [AnalyticsRollupsModule, CatalogModule, CustomersModule, InventoryModule, TenancyModule],
  controllers: [AnalyticsController],
  providers: [AnalyticsService],
})
export class AnalyticsModule {}
