import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { AppConfig } from '@kassa/api/config';
import type { ConnectionOptions } from 'bullmq';
import { Cluster } from 'ioredis';
import { BullMqEventQueue, OutboxProcessor, QUEUE_HANDLERS } from './bullmq-event-queue';
import { DeadLetterRecorder } from './dead-letter-recorder';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLetters } from './dead-letters.service';
import { DomainEvents } from './domain-events.service';
import { EventConsumers } from './event-consumers';
import { EventFeedService } from './event-feed.service';
import { EVENT_QUEUE, OUTBOX_QUEUE_NAME } from './event-queue';
import { EventsController } from './events.controller';
import { InProcessEventQueue, QueueHandlers } from './in-process-event-queue';
import { OutboxListener } from './outbox-listener';
import { OutboxNotifier } from './outbox-notifier';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxSignal } from './outbox-signal';
import { OutboxStats } from './outbox-stats';

const queueHandlers: Provider = {
  provide: QUEUE_HANDLERS,
  inject: [EventConsumers, DeadLetterRecorder],
  useFactory: (consumers: EventConsumers, deadLetters: DeadLetterRecorder): QueueHandlers => ({
    async deliver(event) {
      const failures = await consumers.deliver(event);
      if (failures.length > 0) {
        const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
        throw new AggregateError(
          failures.map((failure) => failure.error),
          failures.map((failure) => `${failure.consumer}: ${describe(failure.error)}`).join('; '),
        );
      }
    },
    exhausted: (event, attempts, error) => deadLetters.recordExhausted(event, attempts, error),
  }),
};

/** A Cluster when REDIS_CLUSTER_NODES is set; BullMQ's workers need commands that wait out a failover rather than fail. */
function queueConnection(redis: NonNullable<AppConfig['redis']>): ConnectionOptions {
  if (!redis.clusterNodes) return { url: redis.url };
  return new Cluster(redis.clusterNodes, { redisOptions: { maxRetriesPerRequest: null } });
}

/** BullMQ leaves a connection it was given open: this one closes with the app. */
class SharedQueueConnection implements OnApplicationShutdown {
  constructor(private readonly connection: ConnectionOptions) {}
  onApplicationShutdown(): void {
    if (this.connection instanceof Cluster) this.connection.disconnect();
  }
}

class InProcessQueueLifecycle implements OnApplicationShutdown {
  constructor(private readonly queue: InProcessEventQueue) {}
  onApplicationShutdown(): void {
    this.queue.close();
  }
}

/** The transactional outbox, its relay and queue, consumers, the events API and dead letters. */
@Module({})
export class EventsModule {
  static forRoot(config: AppConfig): DynamicModule {
    const { maxAttempts, retryBackoffMs } = config.outbox;
    const redis = config.redis;
    const connection = redis && queueConnection(redis);
    const queue =
      redis && connection
        ? {
            imports: [
              BullModule.forRoot({ connection, prefix: redis.bullPrefix }),
              BullModule.registerQueue({
                name: OUTBOX_QUEUE_NAME,
                defaultJobOptions: {
                  attempts: maxAttempts,
                  backoff: { type: 'exponential', delay: retryBackoffMs },
                  removeOnComplete: { age: 24 * 3600, count: 10_000 },
                  removeOnFail: { age: 7 * 24 * 3600 },
                },
              }),
            ],
            providers: [
              BullMqEventQueue,
              { provide: EVENT_QUEUE, useExisting: BullMqEventQueue },
              OutboxProcessor,
              { provide: SharedQueueConnection, useFactory: () => new SharedQueueConnection(connection) },
            ],
          }
        : {
            imports: [],
            providers: [
              {
                provide: EVENT_QUEUE,
                inject: [QUEUE_HANDLERS],
                useFactory: (handlers: QueueHandlers) => new InProcessEventQueue(handlers, maxAttempts, retryBackoffMs),
              },
              { provide: InProcessQueueLifecycle, inject: [EVENT_QUEUE], useFactory: (q: InProcessEventQueue) => new InProcessQueueLifecycle(q) },
            ],
          };
    return {
      module: EventsModule,
      global: true,
      imports: queue.imports,
      controllers: [EventsController, DeadLettersController],
      providers: [
        OutboxSignal,
        OutboxNotifier,
        OutboxListener,
        DomainEvents,
        EventConsumers,
        EventFeedService,
        DeadLetterRecorder,
        DeadLetters,
        OutboxRelay,
        OutboxStats,
        queueHandlers,
        ...queue.providers,
      ],
      exports: [DomainEvents, EventConsumers, OutboxRelay, OutboxStats, EventFeedService],
    };
  }
}
