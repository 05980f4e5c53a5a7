import { Module } from '@nestjs/common';
import { MailboxController } from './mailbox.controller';
import { MailboxService } from './mailbox.service';
import { Mailer } from './mailer.service';

/** Queuing mail (for the domains that send it) and the development mailbox. Sending is MailDeliveryModule's. */
@Module({
  controllers: [MailboxController],
  providers: [Mailer, MailboxService],
  exports: [Mailer],
})
export class MailModule {}
