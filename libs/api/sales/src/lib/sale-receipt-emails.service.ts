import { Injectable } from '@nestjs/common';
import { AppConfig } from '@kassa/api/config';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { RateLimiter } from '@kassa/api/auth';
import { RequestContext } from '@kassa/api/http';
import { Mailer } from '@kassa/api/mail';
import type { EmailReceiptDto, ReceiptEmailQueuedDto } from './dto/receipt-email.dto';
import { renderHtmlReceipt } from './receipt-html';
import { renderTextReceipt } from './receipt-text';
import { SaleReceiptsService } from './sale-receipts.service';
import { receiptEmailLimited } from './sales.exception';

const HOUR_SECONDS = 3600;

/** Emails a sale's receipt (HTML, with the printed text as the plain alternative), within the shop's hourly limit. */
@Injectable()
export class SaleReceiptEmailsService {
  constructor(
    private readonly receipts: SaleReceiptsService,
    private readonly limiter: RateLimiter,
    private readonly mailer: Mailer,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async email(context: RequestContext, saleId: string, input: EmailReceiptDto): Promise<ReceiptEmailQueuedDto> {
    const view = await this.receipts.view(context, saleId);
    await this.limiter.admit(
      { key: `receipt-email:${context.tenantId}`, limit: this.config.mail.receiptEmailsPerHour, windowSeconds: HOUR_SECONDS },
      receiptEmailLimited,
    );
    const mailId = await this.mailer.queue(context, {
      purpose: 'receipt',
      to: input.to,
      subject: `Your receipt from ${view.shopName} (${view.sale.receiptNumber})`,
      html: renderHtmlReceipt(view),
      text: renderTextReceipt(view),
    });
    await this.audit.record(auditScopeOf(context), { action: 'send', entityType: 'sale', entityId: saleId, metadata: { mailId, to: input.to } });
    return { queued: true };
  }
}
