import { Module } from '@nestjs/common';
import { SaleFactsModule } from '@kassa/api/sales';
import { TenancyModule } from '@kassa/api/tenancy';
import { AnalyticsRollupConsumer } from './analytics-rollup.consumer';
import { AnalyticsRollupsService } from './analytics-rollups.service';

/** The rollups and their outbox consumer, without the HTTP API: the API and the worker both run it. */
@Module({
  imports: [SaleFactsModule, TenancyModule],
  providers: [AnalyticsRollupsService, AnalyticsRollupConsumer],
  exports: [AnalyticsRollupsService],
})
export class AnalyticsRollupsModule {}
