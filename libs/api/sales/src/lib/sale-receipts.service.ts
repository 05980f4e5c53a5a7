import { Injectable } from '@nestjs/common';
import { RequestContext } from '@kassa/api/http';
import { renderHtmlReceipt } from './receipt-html';
import { renderTextReceipt } from './receipt-text';
import type { ReceiptView } from './receipt-view';
import { SaleRefundsService } from './sale-refunds.service';
import { SalesService } from './sales.service';

export type ReceiptFormat = 'text' | 'html';

/** A sale's receipt, printable (80 mm text) or for email (HTML), with the refunds made so far. */
@Injectable()
export class SaleReceiptsService {
  constructor(
    private readonly sales: SalesService,
    private readonly refunds: SaleRefundsService,
  ) {}

  async render(context: RequestContext, saleId: string, format: ReceiptFormat): Promise<string> {
    const sale = await this.sales.get(context, saleId);
    const [place]: Omit<ReceiptView, 'sale' | 'refunds'>[] = await context.manager.query(
      `SELECT t.name AS "shopName", t.time_zone AS "timeZone", s.name AS "storeName", r.name AS "registerName"
         FROM tenant t, store s, register r WHERE s.id = $1 AND r.id = $2`,
      [sale.storeId, sale.registerId],
    );
    const view: ReceiptView = { ...place, sale, refunds: (await this.refunds.list(context, saleId)).items };
    return format === 'html' ? renderHtmlReceipt(view) : renderTextReceipt(view);
  }
}
