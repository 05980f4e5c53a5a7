export { MonitoringModule } from './lib/monitoring.module';
export type { MonitoringOptions } from './lib/monitoring.module';
export { createLogger, PinoNestLogger } from './lib/logger';
export { KassaMetrics } from './lib/kassa-metrics';
export { installRequestMetrics } from './lib/request-metrics';
export { ErrorTracker } from './lib/error-tracker.service';
export type { ErrorOccurrence } from './lib/error-tracker.service';
export { RequestRollups } from './lib/request-rollups.service';
