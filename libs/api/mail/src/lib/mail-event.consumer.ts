import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { EventEnvelope } from '@kassa/contracts';
import { AppConfig } from '@kassa/api/config';
import { queryRows } from '@kassa/api/database';
import { EventConsumers } from '@kassa/api/events';
import type { EntityManager } from 'typeorm';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';

interface QueuedMail {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/**
 * Sends each queued mail once its `mail.queued` event is published. A send that fails throws, so the
 * outbox retries the event with backoff (`OUTBOX_MAX_ATTEMPTS`, `OUTBOX_RETRY_BACKOFF_MS`) and
 * dead-letters it after the last attempt; a sent mail is marked and loses its bodies in the same transaction.
 */
@Injectable()
export class MailEventConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.register({ name: 'mail', types: ['mail.queued'], handle: (event, manager) => this.send(event, manager) });
  }

  private async send(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const [mail] = await queryRows<QueuedMail>(
      manager,
      `SELECT id, to_address AS "to", subject, html, text FROM mail_message WHERE id = $1 AND sent_at IS NULL FOR UPDATE`,
      [event.aggregateId],
    );
    if (!mail) return;
    await this.transport.send({ ...mail, tenantId: event.tenantId, from: this.config.mail.from });
    await manager.query(`UPDATE mail_message SET sent_at = now(), html = NULL, text = NULL WHERE id = $1`, [mail.id]);
  }
}
