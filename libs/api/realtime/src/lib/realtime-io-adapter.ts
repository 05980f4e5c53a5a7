import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import { AppConfig } from '@kassa/api/config';
import { createClient, createCluster } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

type RedisConnection = ReturnType<typeof createClient> | ReturnType<typeof createCluster>;

/**
 * Socket.IO on the API's own HTTP server (Fastify's underlying Node server), with the sharded Redis adapter when Redis
 * is configured (SPUBLISH, Redis ≥ 7; on a Cluster through node-redis, which the sharded adapter needs) and the
 * in-memory adapter otherwise.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly logger = new Logger('RealtimeAdapter');
  private readonly connections: RedisConnection[] = [];
  private adapterConstructor?: ReturnType<typeof createShardedAdapter>;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    const redis = this.config.redis;
    if (!redis) return;
    const pub: RedisConnection = redis.clusterNodes
      ? createCluster({ rootNodes: redis.clusterNodes.map((node) => ({ url: `redis://${node.host}:${node.port}` })) })
      : createClient({ url: redis.url });
    const sub = pub.duplicate();
    for (const connection of [pub, sub]) {
      // node-redis reconnects by itself; without a listener an error event would crash the process.
      connection.on('error', (error: Error) => this.logger.warn(`Redis for the socket adapter: ${error.message}`));
      this.connections.push(connection);
    }
    await Promise.all([pub.connect(), sub.connect()]);
    this.adapterConstructor = createShardedAdapter(pub, sub, { channelPrefix: `${redis.keyPrefix}socket.io`, subscriptionMode: 'dynamic' });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      cors: { origin: this.config.webOrigins, credentials: true },
    });
    if (this.adapterConstructor) server.adapter(this.adapterConstructor);
    return server;
  }

  override async dispose(): Promise<void> {
    await Promise.all(this.connections.splice(0).map((connection) => connection.quit().catch(() => undefined)));
  }
}
