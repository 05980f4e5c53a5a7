import { Injectable } from '@nestjs/common';
import { queryRows } from '@kassa/api/database';
import type { RequestContext } from '@kassa/api/http';
import type { EventType, KassaEvent } from '@kassa/contracts';
import type { EntityManager } from 'typeorm';
import type { EventListDto, EventQueryDto } from './dto/event.dto';
import { ENVELOPE_COLUMNS, EventRow } from './event-row';

const DEFAULT_LIMIT = 100;

/** Which events a reader may see: these types tenant-wide, and these only where `data.storeId` is one of `storeIds` (null: every store). */
export interface EventVisibility {
  tenantTypes: readonly EventType[];
  storeTypes: readonly EventType[];
  storeIds: readonly string[] | null;
}

export interface EventsSince {
  /** Some events after `after` are past the retention (or `after` is beyond the last one): the reader must reload instead. */
  refetch: boolean;
  items: KassaEvent[];
  /** The tenant's newest sequence when this was read. */
  head: number;
}

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

  /** A tenant's published events after a sequence that a reader may see, in sequence order (the realtime replay). */
  async since(manager: EntityManager, after: number, visibility: EventVisibility, limit: number): Promise<EventsSince> {
    const [bounds] = await queryRows<{ oldest: string | null; last: string | null }>(
      manager,
      `SELECT (SELECT min(sequence) FROM outbox_event WHERE sequence IS NOT NULL) AS oldest,
              (SELECT last_sequence FROM tenant_event_sequence) AS last`,
    );
    const last = Number(bounds.last ?? 0);
    // Sequences are gapless per tenant: anything between `after` and the oldest kept event was deleted by retention.
    const oldest = bounds.oldest === null ? last + 1 : Number(bounds.oldest);
    if (after > last || after < oldest - 1) return { refetch: true, items: [], head: last };
    const items = await queryRows<EventRow>(
      manager,
      `SELECT ${ENVELOPE_COLUMNS} FROM outbox_event e
        WHERE e.sequence > $1
          AND (e.type = ANY($2) OR (e.type = ANY($3) AND ($4::text[] IS NULL OR e.data->>'storeId' = ANY($4))))
        ORDER BY e.sequence LIMIT $5`,
      [after, visibility.tenantTypes, visibility.storeTypes, visibility.storeIds, limit],
    );
    return { refetch: false, items, head: last };
  }
}
