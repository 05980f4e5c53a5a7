import { DynamicModule, Module, Type } from '@nestjs/common';
import { AnalyticsModule } from '@kassa/api/analytics';
import { AppConfig, ConfigModule } from '@kassa/api/config';
import { AuditModule } from '@kassa/api/audit';
import { AuthModule } from '@kassa/api/auth';
import { TenantCacheModule } from '@kassa/api/cache';
import { CatalogModule } from '@kassa/api/catalog';
import { CustomersModule } from '@kassa/api/customers';
import { DatabaseModule } from '@kassa/api/database';
import { EventsModule } from '@kassa/api/events';
import { InventoryModule } from '@kassa/api/inventory';
import { MailDeliveryModule, MailModule } from '@kassa/api/mail';
import { MonitoringModule } from '@kassa/api/monitoring';
import { PurchasingModule } from '@kassa/api/purchasing';
import { RealtimeModule } from '@kassa/api/realtime';
import { SalesModule } from '@kassa/api/sales';
import { TenancyModule } from '@kassa/api/tenancy';
import { WebhooksModule } from '@kassa/api/webhooks';

/** The API process: every domain module, wired to one validated config. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, probeModules: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRootAsync({ useFactory: () => config.database }),
        TenantCacheModule.forRoot({ redis: config.redis, enabled: config.cacheEnabled }),
        MonitoringModule.forRoot({
          runtime: config.runtimeMode,
          redisUrl: config.redis?.url,
          metrics: { token: config.metrics.token, production: config.nodeEnv === 'production' },
          rollups: { flushMs: config.monitoring.flushMs, retentionDays: config.monitoring.retentionDays },
          sentryDsn: config.monitoring.sentryDsn,
          webSourceMapsDir: config.monitoring.webSourceMapsDir,
        }),
        EventsModule.forRoot(config),
        AuditModule,
        MailModule,
        MailDeliveryModule.forRoot(config),
        TenancyModule,
        AuthModule,
        CatalogModule,
        InventoryModule,
        CustomersModule,
        SalesModule,
        AnalyticsModule,
        PurchasingModule,
        WebhooksModule.forRoot(config),
        RealtimeModule,
        ...probeModules,
      ],
    };
  }
}
