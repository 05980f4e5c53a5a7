import { Injectable } from '@nestjs/common';
import { RequestContext } from '@kassa/api/http';
import { RegistersService, TenantsService } from '@kassa/api/tenancy';
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
    private readonly tenants: TenantsService,
    private readonly registers: RegistersService,
  ) {}

  async render(context: RequestContext, saleId: string, format: ReceiptFormat): Promise<string> {
    const view = await this.view(context, saleId);
    return format === 'html' ? renderHtmlReceipt(view) : renderTextReceipt(view);
  }

  /** What a receipt shows; 404 `sale_not_found` for a sale the caller may not read. */
  async view(context: RequestContext, saleId: string): Promise<ReceiptView> {
    const sale = await this.sales.get(context, saleId);
    const { name: shopName, timeZone } = await this.tenants.current(context);
    const place = await this.registers.placeOf(context, sale.registerId);
    return { shopName, timeZone, ...place, sale, refunds: (await this.refunds.list(context, saleId)).items };
  }
}
