/** What `/health/ready` answers (the @nestjs/terminus report shape). */
export type HealthStatus = 'ok' | 'error' | 'shutting_down';

export interface HealthIndicatorReport {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

export interface HealthReport {
  status: HealthStatus;
  info?: Record<string, HealthIndicatorReport>;
  error?: Record<string, HealthIndicatorReport>;
  details: Record<string, HealthIndicatorReport>;
}

/** Which backing services an API process runs on (DESIGN.md §13). */
export interface RuntimeMode {
  database: 'postgres' | 'embedded';
  redis: 'redis' | 'in-process';
}

/** What `GET /api/v1/system` answers. */
export interface SystemInfo {
  installationId: string;
  installedAt: string;
  runtime: RuntimeMode;
}
