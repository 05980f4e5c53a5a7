import { DynamicModule, Module, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@kassa/api/config';
import { EmlFileMailTransport } from './eml-file-mail-transport';
import { MailEventConsumer } from './mail-event.consumer';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { SmtpMailTransport } from './smtp-mail-transport';

class MailTransportLifecycle implements OnApplicationShutdown {
  constructor(private readonly transport: MailTransport) {}
  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/**
 * Sending without the HTTP API: the transport and the outbox consumer. Every process that consumes
 * the outbox (the API and the worker) runs it, or a worker would take mail events and send nothing.
 */
@Module({})
export class MailDeliveryModule {
  static forRoot(config: AppConfig): DynamicModule {
    const transport = config.mail.smtpUrl ? new SmtpMailTransport(config.mail.smtpUrl) : new EmlFileMailTransport(config.mail.directory);
    return {
      module: MailDeliveryModule,
      providers: [
        { provide: MAIL_TRANSPORT, useValue: transport },
        { provide: MailTransportLifecycle, useValue: new MailTransportLifecycle(transport) },
        MailEventConsumer,
      ],
    };
  }
}
