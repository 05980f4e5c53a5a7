import { DynamicModule, Module } from '@nestjs/common';
import { HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import type { RuntimeMode } from '@kassa/contracts';
import { ClientEventsService } from './client-events.service';
import { HealthController } from './health.controller';
import { ErrorGroupsService } from './error-groups.service';
import { ErrorTracker } from './error-tracker.service';
import { KassaMetrics } from './kassa-metrics';
import { MonitoringSummaryService } from './monitoring-summary.service';
import { MonitoringController } from './monitoring.controller';
import { RequestRollups, ROLLUP_SETTINGS, RollupSettings } from './request-rollups.service';
import { SENTRY_DSN, SentryForwarder } from './sentry-forwarder';
import { SourceMapStacks, WEB_SOURCE_MAPS } from './source-map-stacks';
import { METRICS_ACCESS, MetricsAccess, MetricsController } from './metrics.controller';
import { InstallationService } from './installation.service';
import { RedisHealthIndicator } from './redis-health.indicator';
import { RUNTIME_MODE, SystemController } from './system.controller';

export interface MonitoringOptions {
  runtime: RuntimeMode;
  redisUrl?: string;
  metrics: MetricsAccess;
  rollups: RollupSettings;
  sentryDsn?: string;
  /** Where the web build's source maps are (WEB_SOURCE_MAPS_DIR); browser stacks are mapped through them. */
  webSourceMapsDir?: string;
}

@Module({})
export class MonitoringModule {
  static forRoot(options: MonitoringOptions): DynamicModule {
    const redisUrl = options.redisUrl;
    return {
      module: MonitoringModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      global: true,
      controllers: [HealthController, SystemController, MetricsController, MonitoringController],
      providers: [
        InstallationService,
        KassaMetrics,
        ErrorTracker,
        SentryForwarder,
        RequestRollups,
        ErrorGroupsService,
        ClientEventsService,
        MonitoringSummaryService,
        { provide: ROLLUP_SETTINGS, useValue: options.rollups },
        { provide: SENTRY_DSN, useValue: options.sentryDsn },
        { provide: WEB_SOURCE_MAPS, useValue: options.webSourceMapsDir ? new SourceMapStacks(options.webSourceMapsDir) : null },
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
      exports: [KassaMetrics, ErrorTracker, RequestRollups],
    };
  }
}
