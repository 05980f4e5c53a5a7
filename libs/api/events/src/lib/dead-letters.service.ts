import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEnvelope } from '@kassa/contracts';
import { afterCommit, isoTime, queryRows } from '@kassa/api/database';
import { RequestContext } from '@kassa/api/http';
import type { DeadLetterDto, DeadLetterListDto } from './dto/dead-letter.dto';
import { EVENT_QUEUE, EventQueue } from './event-queue';
import { ENVELOPE_COLUMNS } from './event-row';
import { deadLetterNotFound } from './events.exception';

const DEAD_LETTER_COLUMNS = `d.id, d.event_id AS "eventId", e.type AS "eventType", d.consumer, d.attempts,
  d.last_error AS "lastError", ${isoTime('d.created_at')} AS "createdAt",
  CASE WHEN d.retried_at IS NULL THEN NULL ELSE ${isoTime('d.retried_at')} END AS "retriedAt"`;

/** Dead letters as owners see them: listed, and retried on demand. */
@Injectable()
export class DeadLetters {
  private readonly logger = new Logger(DeadLetters.name);

  constructor(@Inject(EVENT_QUEUE) private readonly queue: EventQueue) {}

  async list(context: RequestContext): Promise<DeadLetterListDto> {
    const items: DeadLetterDto[] = await context.manager.query(
      `SELECT ${DEAD_LETTER_COLUMNS} FROM dead_letter d JOIN outbox_event e ON e.tenant_id = d.tenant_id AND e.id = d.event_id
        WHERE d.retried_at IS NULL ORDER BY d.id`,
    );
    return { items, nextCursor: null };
  }

  async retry(context: RequestContext, id: string): Promise<DeadLetterDto> {
    const [marked] = await queryRows<{ eventId: string }>(
      context.manager,
      `UPDATE dead_letter SET retried_at = now() WHERE id = $1 AND retried_at IS NULL RETURNING event_id AS "eventId"`,
      [id],
    );
    if (!marked) throw deadLetterNotFound();
    const [event]: EventEnvelope[] = await context.manager.query(`SELECT ${ENVELOPE_COLUMNS} FROM outbox_event e WHERE e.id = $1`, [marked.eventId]);
    const [deadLetter]: DeadLetterDto[] = await context.manager.query(
      `SELECT ${DEAD_LETTER_COLUMNS} FROM dead_letter d JOIN outbox_event e ON e.tenant_id = d.tenant_id AND e.id = d.event_id
        WHERE d.id = $1`,
      [id],
    );
    // Queue I/O waits for the commit (DESIGN.md §2): no Redis call inside the request's transaction.
    afterCommit(context.manager, () => {
      this.queue.retry(event).catch((error: unknown) => this.logger.error({ err: error, eventId: event.id }, 'retry failed'));
    });
    return deadLetter;
  }
}
