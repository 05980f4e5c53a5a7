import { DynamicModule, Module, Type } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@kassa/api/config';
import { AuditModule } from '@kassa/api/audit';
import { AuthModule } from '@kassa/api/auth';
import { CatalogModule } from '@kassa/api/catalog';
import { CustomersModule } from '@kassa/api/customers';
import { DatabaseModule } from '@kassa/api/database';
import { EventsModule } from '@kassa/api/events';
import { InventoryModule } from '@kassa/api/inventory';
import { MonitoringModule } from '@kassa/api/monitoring';
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
        MonitoringModule.forRoot({ runtime: config.runtimeMode, redisUrl: config.redis?.url }),
        EventsModule.forRoot(config),
        AuditModule,
        TenancyModule,
        AuthModule,
        CatalogModule,
        InventoryModule,
        CustomersModule,
        SalesModule,
        WebhooksModule.forRoot(config),
        RealtimeModule,
        ...probeModules,
      ],
    };
  }
}
