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
        if (await settlesWithin(connection.close(), CLOSE_TIMEOUT_MS)) return;
        try {
          connection.destroy();
        } catch {
          // Already closed by `close()`, which gave up on a server that is gone: nothing is left to drop.
        }
      }),
    );
  }
}

/** True once `promise` has settled (either way), false if `ms` pass first; the timer does not keep the process up. */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms).unref();
    const settled = () => {
      clearTimeout(timer);
      resolve(true);
    };
    promise.then(settled, settled);
  });
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
 * Closing the adapter (Socket.IO's server close, then closeNamespaces) does await its unsubscribes: each one counts as
 * done when it is answered, fails, or CLOSE_TIMEOUT_MS pass, so a node lost in a failover cannot hold the shutdown.
 */
export function settleDroppedSubscriptions(connection: Pick<RedisConnection, 'sSubscribe' | 'sUnsubscribe'>, ready: Promise<unknown>): void {
  const subscribe = connection.sSubscribe.bind(connection) as (...args: unknown[]) => Promise<unknown>;
  const unsubscribe = connection.sUnsubscribe.bind(connection) as (...args: unknown[]) => Promise<unknown>;
  Object.assign(connection, {
    sSubscribe: (...args: unknown[]) => {
      const reply = ready.then(() => subscribe(...args));
      reply.catch(() => undefined);
      return reply;
    },
    sUnsubscribe: async (...args: unknown[]) => {
      await settlesWithin(
        ready.then(() => unsubscribe(...args)),
        CLOSE_TIMEOUT_MS,
      );
    },
  });
}
