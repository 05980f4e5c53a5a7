import { Injectable, OnModuleInit } from '@nestjs/common';
import { afterCommit } from '@kassa/api/database';
import { EventConsumers } from '@kassa/api/events';
import { RealtimeBroadcaster } from './realtime-broadcaster';
import { STORE_EVENT_TYPES, TENANT_EVENT_TYPES } from './realtime-rooms';

/** Pushes each published event to its rooms once its delivery commits (no network I/O inside the transaction). */
@Injectable()
export class RealtimeEventConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly broadcaster: RealtimeBroadcaster,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      name: 'realtime',
      types: [...TENANT_EVENT_TYPES, ...STORE_EVENT_TYPES],
      handle: async (event, manager) => {
        afterCommit(manager, () => this.broadcaster.safely(() => this.broadcaster.event(event)));
      },
    });
  }
}
