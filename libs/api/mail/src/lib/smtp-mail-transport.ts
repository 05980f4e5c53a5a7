import { createTransport, type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingMail } from './mail-transport';

/**
 * Bounds on one SMTP conversation. Sending runs inside the consumer's transaction, so a server that
 * stops answering must not hold a connection for long: the attempt fails and the outbox retries it.
 */
const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;

/** Sends through the server in `SMTP_URL` (smtps:// is TLS from the start; smtp:// upgrades with STARTTLS when offered). */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(smtpUrl: string) {
    this.transporter = createTransport({
      url: smtpUrl,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: GREETING_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, messageId: messageIdOf(mail) });
  }

  close(): void {
    this.transporter.close();
  }
}

/** The same Message-ID on every attempt, so a receiving server can drop a duplicate of a retried mail. */
export const messageIdOf = (mail: OutgoingMail) => `<${mail.id}@${mail.tenantId}.kassa>`;
