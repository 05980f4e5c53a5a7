import { OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';

/**
 * Pings Redis on a connection of its own that never retries in the background: each check
 * reconnects if needed and fails fast, so a dead Redis turns readiness red within seconds.
 */
export class RedisHealthIndicator implements OnApplicationShutdown {
  private readonly client: Redis;

  constructor(
    url: string,
    private readonly health: HealthIndicatorService,
  ) {
    this.client = new Redis(url, {
      lazyConnect: true,
      connectTimeout: 2_000,
      commandTimeout: 2_000,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      // ioredis otherwise keeps a 2 s timer alive after a refused connection.
      disconnectTimeout: 10,
    });
    this.client.on('error', () => undefined); // reported by isHealthy, not as an unhandled event
  }

  async isHealthy(key: string) {
    const indicator = this.health.check(key);
    try {
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
      await this.client.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}
