import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import { AppConfig } from '@kassa/api/config';
import { createClient, createCluster } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

const CLOSE_TIMEOUT_MS = 2_000;
const UNSUBSCRIBE_SETTLE_MS = 200;

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
  private server?: Server;

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
    settleDroppedSubscriptions(sub);
    for (const connection of [pub, sub]) {
      // node-redis reconnects by itself; without a listener an error event would crash the process.
      connection.on('error', (error: Error) => this.logger.warn(`Redis for the socket adapter: ${error.message}`));
      this.connections.push(connection);
    }
    // Not awaited: with Redis down the API still starts (and reports not ready); node-redis queues until it connects.
    for (const connection of [pub, sub]) connection.connect().catch((error: Error) => this.logger.warn(`Redis for the socket adapter: ${error.message}`));
    this.adapterConstructor = createShardedAdapter(pub, sub, { channelPrefix: `${redis.keyPrefix}socket.io`, subscriptionMode: 'dynamic' });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      cors: { origin: this.config.webOrigins, credentials: true },
    });
    if (this.adapterConstructor) server.adapter(this.adapterConstructor);
    this.server = server;
    return server;
  }

  /**
   * Sockets and adapters first (their unsubscribes need the connections), then the connections: gracefully, so no
   * pending command is left to reject, but not waiting forever on a node that is gone.
   */
  override async dispose(): Promise<void> {
    if (this.server) {
      this.server.local.disconnectSockets(true);
      for (const namespace of this.server._nsps.values()) await namespace.adapter.close();
      // The sharded adapter unsubscribes emptied rooms without awaiting it; node-redis throws if such a reply comes
      // back after its connection closed, so let those replies arrive first.
      await new Promise((resolve) => setTimeout(resolve, UNSUBSCRIBE_SETTLE_MS));
    }
    await Promise.all(
      this.connections.splice(0).map(async (connection) => {
        const closed = connection.close().then(
          () => true,
          () => true,
        );
        const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CLOSE_TIMEOUT_MS).unref());
        if (await Promise.race([closed, timedOut])) return;
        try {
          connection.destroy();
        } catch {
          // Already closed by `close()`, which gave up on a server that is gone: nothing is left to drop.
        }
      }),
    );
  }
}

/**
 * The sharded adapter fires SSUBSCRIBE and SUNSUBSCRIBE without keeping their promises. When Redis is gone at shutdown
 * their replies never come, and destroying the connection rejects them: handled here, they cannot crash the process.
 */
function settleDroppedSubscriptions(connection: RedisConnection): void {
  for (const command of ['sSubscribe', 'sUnsubscribe'] as const) {
    const original = connection[command].bind(connection) as (...args: unknown[]) => Promise<unknown>;
    Object.assign(connection, {
      [command]: (...args: unknown[]) => {
        const reply = original(...args);
        reply.catch(() => undefined);
        return reply;
      },
    });
  }
}
