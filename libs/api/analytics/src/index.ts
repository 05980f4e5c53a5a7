export { AnalyticsModule } from './lib/analytics.module';
export { AnalyticsRollupsModule } from './lib/analytics-rollups.module';
export { AnalyticsRollupsService } from './lib/analytics-rollups.service';
export type { RebuildResult } from './lib/analytics-rollups.service';
