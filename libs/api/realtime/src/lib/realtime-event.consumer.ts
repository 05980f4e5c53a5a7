import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumers } from '@kassa/api/events';
import { RealtimeBroadcaster } from './realtime-broadcaster';
import { STORE_EVENT_TYPES, TENANT_EVENT_TYPES } from './realtime-rooms';

/** Pushes each published event to its rooms as it is delivered; clients drop what they already have by event id (decision 0052). */
@Injectable()
export class RealtimeEventConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly broadcaster: RealtimeBroadcaster,
  ) {}

  onModuleInit(): void {
    this.consumers.registerLive({
      name: 'realtime',
      types: [...TENANT_EVENT_TYPES, ...STORE_EVENT_TYPES],
      push: (event) => this.broadcaster.event(event),
    });
  }
}
