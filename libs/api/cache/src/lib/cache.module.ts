import { CacheModule } from '@nestjs/cache-manager';
import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import KeyvRedis, { Keyv } from '@keyv/redis';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import type { Cache } from 'cache-manager';
import { CacheCoordination, LocalCacheCoordination, RedisCacheCoordination } from './cache-coordination';
import { CacheStats } from './cache-stats';
import { CACHE_COORDINATION, CACHE_ENABLED, TenantCache } from './tenant-cache.service';

export interface TenantCacheOptions {
  /** Shared by replicas; without it each process keeps its own in-memory cache (embedded mode). With `clusterNodes`, on that Redis Cluster. */
  redis?: { url: string; keyPrefix: string; clusterNodes?: { host: string; port: number }[] };
  /** false: reads always load (CACHE=off); invalidation still runs. */
  enabled?: boolean;
}

class CacheLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @Inject(CACHE_COORDINATION) private readonly coordination: CacheCoordination,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.coordination.close();
    await this.cache.disconnect().catch(() => undefined);
  }
}

/** cache-manager over Keyv: Redis (`@keyv/redis`) when configured, else Keyv's in-memory map. */
@Module({})
export class TenantCacheModule {
  static forRoot(options: TenantCacheOptions): DynamicModule {
    const { store, coordination } = options.redis ? redisBacked(options.redis) : { store: new Keyv(), coordination: new LocalCacheCoordination() };
    return {
      module: TenantCacheModule,
      global: true,
      imports: [CacheModule.register({ stores: [store] })],
      providers: [
        TenantCache,
        CacheStats,
        CacheLifecycle,
        { provide: CACHE_COORDINATION, useValue: coordination },
        { provide: CACHE_ENABLED, useValue: options.enabled ?? true },
      ],
      exports: [TenantCache, CacheStats],
    };
  }
}

function redisBacked(redis: NonNullable<TenantCacheOptions['redis']>) {
  // Keys come out as `<REDIS_KEY_PREFIX>t:{<tenant>}:<area>:<generation>:<hash>`, beside the generation counters.
  const namespace = redis.keyPrefix.replace(/:$/, '');
  // No offline queue: while Redis is away a command fails at once (reads fall through to the database,
  // invalidations are replayed later) instead of holding the request until Redis returns.
  const connection = redis.clusterNodes
    ? { rootNodes: redis.clusterNodes.map((node) => ({ url: `redis://${node.host}:${node.port}` })), defaults: { disableOfflineQueue: true } }
    : { url: redis.url, disableOfflineQueue: true };
  const adapter = new KeyvRedis(connection, { namespace, keyPrefixSeparator: ':', throwOnConnectError: false, connectionTimeout: 2_000 });
  const store = new Keyv({ store: adapter, namespace, useKeyPrefix: false });
  store.on('error', () => undefined); // a failed read or write is reported by TenantCache and answered from the database
  const prefix = namespace ? `${namespace}:` : '';
  return { store, coordination: new RedisCacheCoordination(() => adapter.getClient(), prefix) };
}
