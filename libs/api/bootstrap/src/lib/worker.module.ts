import { DynamicModule, Module } from '@nestjs/common';
import { AnalyticsRollupsModule } from '@kassa/api/analytics';
import { AuditModule } from '@kassa/api/audit';
import { TenantCacheModule } from '@kassa/api/cache';
import { AppConfig, ConfigModule } from '@kassa/api/config';
import { DatabaseModule } from '@kassa/api/database';
import { EventsModule } from '@kassa/api/events';
import { MailDeliveryModule } from '@kassa/api/mail';
import { RealtimeWorkerModule } from '@kassa/api/realtime';
import { WebhookDeliveryModule } from '@kassa/api/webhooks';

/** The background process (KASSA_ROLE=worker): job consumers join here as their modules land. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRootAsync({ useFactory: () => config.database }),
        // Consumers read tenant settings through the cache and invalidate what their writes change.
        TenantCacheModule.forRoot({ redis: config.redis, enabled: config.cacheEnabled }),
        EventsModule.forRoot(config),
        AuditModule,
        WebhookDeliveryModule.forRoot(config),
        AnalyticsRollupsModule,
        MailDeliveryModule.forRoot(config),
        RealtimeWorkerModule,
      ],
    };
  }
}
