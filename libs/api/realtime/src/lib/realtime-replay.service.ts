import { Injectable } from '@nestjs/common';
import { EventFeedService } from '@kassa/api/events';
import type { RequestContext } from '@kassa/api/http';
import type { ReplayDto, ReplayQueryDto } from './dto/replay.dto';
import { STORE_EVENT_TYPES, TENANT_EVENT_TYPES } from './realtime-rooms';

const DEFAULT_LIMIT = 200;

/** What a socket missed while away, filtered by the same rights as its rooms. */
@Injectable()
export class RealtimeReplayService {
  constructor(private readonly feed: EventFeedService) {}

  async replay(context: RequestContext, query: ReplayQueryDto): Promise<ReplayDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const storeIds = context.actor.kind === 'user' && context.actor.storeIds.length > 0 ? context.actor.storeIds : null;
    const { refetch, items, head } = await this.feed.since(
      context.manager,
      query.after,
      { tenantTypes: TENANT_EVENT_TYPES, storeTypes: STORE_EVENT_TYPES, storeIds },
      limit + 1,
    );
    const page = items.slice(0, limit);
    return { refetch, items: page, nextAfter: page.length > 0 ? page[page.length - 1].sequence : query.after, more: items.length > limit, head };
  }
}
