import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

/**
 * The login throttle's own Redis connection, tuned to fail fast: with no offline queue and no retry
 * per command, a command while Redis is away fails at once instead of waiting out ioredis's reconnects,
 * and one that Redis stops answering fails after the command timeout; the throttle then answers 503.
 * It keeps reconnecting in the background, so sign-in comes back by itself.
 */
export async function connectThrottleRedis(url: string): Promise<Redis> {
  const logger = new Logger('LoginThrottle');
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
    // ioredis otherwise keeps a 2 s timer alive after a refused connection.
    disconnectTimeout: 10,
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) logger.warn(`Redis is unreachable, sign-in answers 503 until it is back: ${error.message}`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.log('Redis is back: sign-in works again');
    down = false;
  });
  // Down at boot: the API starts anyway, and sign-in waits for Redis like after an outage.
  await redis.connect().catch(() => undefined);
  return redis;
}
