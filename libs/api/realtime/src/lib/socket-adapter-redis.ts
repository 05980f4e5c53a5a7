import { Logger } from '@nestjs/common';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import type { AppConfig } from '@kassa/api/config';
import { createClient, createCluster } from 'redis';
import type { Server } from 'socket.io';

const CLOSE_TIMEOUT_MS = 2_000;
const UNSUBSCRIBE_SETTLE_MS = 200;

type RedisSettings = NonNullable<AppConfig['redis']>;
type RedisConnection = ReturnType<typeof createClient> | ReturnType<typeof createCluster>;

/**
 * The sharded Socket.IO adapter's Redis connections (SPUBLISH, Redis ≥ 7; on a Cluster through node-redis, which the
 * sharded adapter needs): one pair per process, for the API's socket server and the worker's headless one alike.
 */
export class SocketAdapterRedis {
  readonly adapter: ReturnType<typeof createShardedAdapter>;
  private readonly connections: RedisConnection[] = [];

  constructor(
    redis: RedisSettings,
    private readonly logger: Logger,
  ) {
    const pub: RedisConnection = redis.clusterNodes
      ? createCluster({ rootNodes: redis.clusterNodes.map((node) => ({ url: `redis://${node.host}:${node.port}` })) })
      : createClient({ url: redis.url });
    const sub = pub.duplicate();
    const connected: Promise<unknown>[] = [];
    for (const connection of [pub, sub]) {
      // node-redis reconnects by itself; without a listener an error event would crash the process.
      connection.on('error', (error: Error) => this.logger.warn(`Redis for the socket adapter: ${error.message}`));
      this.connections.push(connection);
      // Not awaited: with Redis down the process still starts (and reports not ready); node-redis queues until it connects.
      connected.push(connection.connect().catch((error: Error) => this.logger.warn(`Redis for the socket adapter: ${error.message}`)));
    }
    // A standalone client queues commands until it connects; a cluster client knows no slot before then and drops them.
    settleDroppedSubscriptions(sub, redis.clusterNodes ? connected[1] : Promise.resolve());
    this.adapter = createShardedAdapter(pub, sub, { channelPrefix: `${redis.keyPrefix}socket.io`, subscriptionMode: 'dynamic' });
  }

  /** Gracefully, so no pending command is left to reject, but not waiting forever on a node that is gone. */
  async close(): Promise<void> {
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
 * Closes every namespace's adapter. The sharded adapter unsubscribes emptied rooms without awaiting it; node-redis
 * throws if such a reply comes back after its connection closed, so let those replies arrive before the connections go.
 */
export async function closeNamespaces(server: Server): Promise<void> {
  for (const namespace of server._nsps.values()) await namespace.adapter.close();
  await new Promise((resolve) => setTimeout(resolve, UNSUBSCRIBE_SETTLE_MS));
}

/**
 * The sharded adapter fires SSUBSCRIBE and SUNSUBSCRIBE without keeping their promises. When Redis is gone at shutdown
 * their replies never come, and destroying the connection rejects them: handled here, they cannot crash the process.
 * They are also held until `ready`: the adapter subscribes its main channel as soon as a namespace exists, which on a
 * cluster client that has not connected yet would be lost (and with it every broadcast to several rooms).
 */
function settleDroppedSubscriptions(connection: RedisConnection, ready: Promise<unknown>): void {
  for (const command of ['sSubscribe', 'sUnsubscribe'] as const) {
    const original = connection[command].bind(connection) as (...args: unknown[]) => Promise<unknown>;
    Object.assign(connection, {
      [command]: (...args: unknown[]) => {
        const reply = ready.then(() => original(...args));
        reply.catch(() => undefined);
        return reply;
      },
    });
  }
}
