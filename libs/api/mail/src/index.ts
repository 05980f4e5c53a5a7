export { MailModule } from './lib/mail.module';
export { MailDeliveryModule } from './lib/mail-delivery.module';
export { Mailer } from './lib/mailer.service';
export type { NewMail } from './lib/mailer.service';
export { escapeHtml } from './lib/escape-html';
