import { Injectable } from '@nestjs/common';
import { RequestContext } from '@kassa/api/http';
import { Mailer } from '@kassa/api/mail';
import { StoresService, TenantsService } from '@kassa/api/tenancy';
import type { PurchaseOrderDto } from './dto/purchase-order.dto';
import { PurchaseOrderDocument, renderPurchaseOrderHtml, renderPurchaseOrderText } from './purchase-order-html';
import { PurchaseOrdersService } from './purchase-orders.service';
import { SuppliersService } from './suppliers.service';

/** The printable purchase order, and the email that sends it to the supplier. */
@Injectable()
export class PurchaseOrderDocumentService {
  constructor(
    private readonly orders: PurchaseOrdersService,
    private readonly suppliers: SuppliersService,
    private readonly stores: StoresService,
    private readonly tenants: TenantsService,
    private readonly mailer: Mailer,
  ) {}

  async render(context: RequestContext, id: string): Promise<string> {
    return renderPurchaseOrderHtml(await this.document(context, await this.orders.get(context, id)));
  }

  /** Queues the order's email to the supplier in the caller's transaction; false when the supplier has no address. */
  async mailToSupplier(context: RequestContext, order: PurchaseOrderDto): Promise<boolean> {
    const document = await this.document(context, order);
    if (!document.supplier.email) return false;
    await this.mailer.queue(context, {
      purpose: 'purchase_order',
      to: document.supplier.email,
      subject: `Purchase order ${order.number} from ${document.shopName}`,
      html: renderPurchaseOrderHtml(document),
      text: renderPurchaseOrderText(document),
    });
    return true;
  }

  private async document(context: RequestContext, order: PurchaseOrderDto): Promise<PurchaseOrderDocument> {
    const [supplier, store, tenant] = [
      await this.suppliers.get(context, order.supplierId),
      await this.stores.get(context, order.storeId),
      await this.tenants.current(context),
    ];
    return { order, supplier, shopName: tenant.name, storeName: store.name };
  }
}
