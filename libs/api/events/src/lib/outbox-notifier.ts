import { Inject, Injectable, Logger } from '@nestjs/common';
import { DATABASE_ENDPOINT, DatabaseEndpoint } from '@kassa/api/database';
import { DataSource } from 'typeorm';

export const OUTBOX_CHANNEL = 'kassa_outbox';
const COALESCE_MS = 20;

/**
 * Tells relays in other processes (LISTEN on real PostgreSQL) that events were committed.
 * One NOTIFY per short window, issued after commit: a NOTIFY inside each business transaction
 * would serialise every commit on PostgreSQL's notification queue lock (measured in tools/bench).
 */
@Injectable()
export class OutboxNotifier {
  private readonly logger = new Logger(OutboxNotifier.name);
  private pending?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_ENDPOINT) private readonly endpoint: DatabaseEndpoint,
  ) {}

  notifySoon(): void {
    if (this.endpoint.embedded || this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.dataSource
        .query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL])
        .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox notify failed; relays will poll'));
    }, COALESCE_MS);
  }
}
