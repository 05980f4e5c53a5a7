export { MonitoringModule } from './lib/monitoring.module';
export type { MonitoringOptions } from './lib/monitoring.module';
export { createLogger, PinoNestLogger } from './lib/logger';
export { KassaMetrics } from './lib/kassa-metrics';
export { installRequestMetrics } from './lib/request-metrics';
