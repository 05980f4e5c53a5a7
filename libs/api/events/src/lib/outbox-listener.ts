import { Inject, Injectable, Logger } from '@nestjs/common';
import { DATABASE_ENDPOINT, DatabaseEndpoint } from '@kassa/api/database';
import { Client } from 'pg';
import { OUTBOX_CHANNEL } from './outbox-notifier';
import { OutboxSignal } from './outbox-signal';

const FIRST_RETRY_MS = 100;
const LONGEST_RETRY_MS = 30_000;

/**
 * Real PostgreSQL: rings this process's relay whenever any process commits events (NOTIFY, decision 0006).
 * A lost connection (restart, failover, a killed backend) is opened again with exponential backoff and
 * jitter; once it listens again it rings the relay, since NOTIFYs sent in between reached nobody.
 * Embedded mode has only this process, whose writers ring the relay themselves.
 */
@Injectable()
export class OutboxListener {
  private readonly logger = new Logger(OutboxListener.name);
  private client?: Client;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly signal: OutboxSignal,
    @Inject(DATABASE_ENDPOINT) private readonly endpoint: DatabaseEndpoint,
  ) {}

  async start(): Promise<void> {
    if (this.endpoint.embedded) return;
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.endpoint.url, application_name: 'kassa-outbox-listener', keepAlive: true });
    client.on('notification', () => this.signal.ring());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) await client.end();
    else this.client = client;
  }

  private lost(client: Client, error?: Error): void {
    if (client !== this.client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    this.logger.warn({ err: error }, 'outbox listener lost; reconnecting, polling meanwhile');
    this.reconnect(0);
  }

  private reconnect(attempt: number): void {
    if (this.stopped) return;
    const backoff = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
    const delayMs = Math.round(backoff / 2 + (Math.random() * backoff) / 2);
    this.retry = setTimeout(() => {
      this.connect().then(
        () => {
          this.logger.log({ attempts: attempt + 1 }, 'outbox listener reconnected');
          this.signal.ring();
        },
        (error: unknown) => {
          this.logger.warn({ err: error, attempt: attempt + 1 }, 'outbox listener could not reconnect; retrying');
          this.reconnect(attempt + 1);
        },
      );
    }, delayMs);
  }
}
