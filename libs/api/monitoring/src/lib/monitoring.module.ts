import { DynamicModule, Module } from '@nestjs/common';
import { HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import type { RuntimeMode } from '@kassa/contracts';
import { HealthController } from './health.controller';
import { KassaMetrics } from './kassa-metrics';
import { METRICS_ACCESS, MetricsAccess, MetricsController } from './metrics.controller';
import { InstallationService } from './installation.service';
import { RedisHealthIndicator } from './redis-health.indicator';
import { RUNTIME_MODE, SystemController } from './system.controller';

export interface MonitoringOptions {
  runtime: RuntimeMode;
  redisUrl?: string;
  metrics: MetricsAccess;
}

@Module({})
export class MonitoringModule {
  static forRoot(options: MonitoringOptions): DynamicModule {
    const redisUrl = options.redisUrl;
    return {
      module: MonitoringModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      global: true,
      controllers: [HealthController, SystemController, MetricsController],
      providers: [
        InstallationService,
        KassaMetrics,
        { provide: METRICS_ACCESS, useValue: options.metrics },
        { provide: RUNTIME_MODE, useValue: options.runtime },
        ...(redisUrl
          ? [
              {
                provide: RedisHealthIndicator,
                inject: [HealthIndicatorService],
                useFactory: (health: HealthIndicatorService) => new RedisHealthIndicator(redisUrl, health),
              },
            ]
          : []),
      ],
      exports: [KassaMetrics],
    };
  }
}
