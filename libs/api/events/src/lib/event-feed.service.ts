import { Injectable } from '@nestjs/common';
import { queryRows } from '@kassa/api/database';
import type { RequestContext } from '@kassa/api/http';
import type { EventListDto, EventQueryDto } from './dto/event.dto';
import { ENVELOPE_COLUMNS, EventRow } from './event-row';

const DEFAULT_LIMIT = 100;

/**
 * Published events as partners poll them: by publish sequence, after the one they saw last. By
 * contract this list pages by `after` (a sequence) rather than an opaque cursor.
 */
@Injectable()
export class EventFeedService {
  async list(context: RequestContext, query: EventQueryDto): Promise<EventListDto> {
    const after = query.after ?? 0;
    const items = await queryRows<EventRow>(
      context.manager,
      `SELECT ${ENVELOPE_COLUMNS} FROM outbox_event e
        WHERE e.sequence > $1 AND ($2::text[] IS NULL OR e.type = ANY($2))
        ORDER BY e.sequence LIMIT $3`,
      [after, query.types ?? null, query.limit ?? DEFAULT_LIMIT],
    );
    return { items, nextCursor: String(items.length > 0 ? items[items.length - 1].sequence : after) };
  }
}
