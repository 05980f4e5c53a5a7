import { Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_TYPES, EventType } from '@kassa/contracts';
import { EventConsumers } from '@kassa/api/events';
import { AnalyticsRollupsService } from './analytics-rollups.service';

/** Every sale event: created, updated, voided, refunded — and any added later. */
export const SALE_EVENT_TYPES: readonly EventType[] = EVENT_TYPES.filter((type) => type.startsWith('sale.'));

/** Keeps the rollups current from the outbox; processed once per event id (EventConsumers), harmless if replayed. */
@Injectable()
export class AnalyticsRollupConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly rollups: AnalyticsRollupsService,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      name: 'analytics-rollups',
      types: SALE_EVENT_TYPES,
      handle: (event, manager) => this.rollups.refreshSale(manager, event.aggregateId),
    });
  }
}
