import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppConfig, ConfigError } from '@kassa/api/config';
import { createLogger, PinoNestLogger } from '@kassa/api/monitoring';
import { closeOnSignals } from './close-on-signals';
import { WorkerModule } from './worker.module';

/**
 * A separate worker shares jobs with the API through PostgreSQL and Redis, so it needs both:
 * the embedded database belongs to one process and in-process queues reach no one else.
 */
export async function startWorker(config: AppConfig): Promise<INestApplicationContext> {
  const missing = [!config.database.url && 'DATABASE_URL', !config.redis && 'REDIS_URL'].filter(Boolean);
  if (missing.length > 0) {
    throw new ConfigError(missing.map((name) => `${name}: the worker needs real PostgreSQL and Redis (embedded mode runs its jobs inside the API process)`));
  }
  const logger = createLogger(config.logLevel);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
  });
  closeOnSignals(app);
  logger.info({ runtime: config.runtimeMode }, 'Kassa worker started');
  return app;
}
