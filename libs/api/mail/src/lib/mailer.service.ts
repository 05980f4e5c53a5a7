import { Injectable } from '@nestjs/common';
import { MailPurpose, uuidv7 } from '@kassa/contracts';
import { DomainEvents, EventWriteContext } from '@kassa/api/events';

export interface NewMail {
  purpose: MailPurpose;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/**
 * Queues a mail in the caller's transaction: the row and its `mail.queued` event commit with the
 * change that asked for it, and the mail consumer sends it afterwards (never inside the request).
 * The event carries only the mail's id and purpose: partners see it, the address and text stay here.
 */
@Injectable()
export class Mailer {
  constructor(private readonly events: DomainEvents) {}

  async queue(context: EventWriteContext, mail: NewMail): Promise<string> {
    const id = uuidv7();
    await context.manager.query(`INSERT INTO mail_message (tenant_id, id, purpose, to_address, subject, html, text) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      context.tenantId,
      id,
      mail.purpose,
      mail.to,
      mail.subject,
      mail.html,
      mail.text,
    ]);
    await this.events.record(context, {
      type: 'mail.queued',
      aggregateType: 'mail',
      aggregateId: id,
      aggregateVersion: 1,
      data: { mailId: id, purpose: mail.purpose },
    });
    return id;
  }
}
