export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** One mail as the transport sends it; `id` is the mail's row id, stable across retries. */
export interface OutgoingMail {
  tenantId: string;
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** Where mail goes (DESIGN.md §15): an SMTP server, or .eml files when none is configured. */
export interface MailTransport {
  /** Resolves once the mail is handed over; rejects when it was not (the outbox then retries it). */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}
