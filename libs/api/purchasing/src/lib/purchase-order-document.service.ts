import { Injectable } from '@nestjs/common';
import { RequestContext } from '@kassa/api/http';
import { StoresService, TenantsService } from '@kassa/api/tenancy';
import { renderPurchaseOrderHtml } from './purchase-order-html';
import { PurchaseOrdersService } from './purchase-orders.service';
import { SuppliersService } from './suppliers.service';

/** The printable purchase order (and, once the mail transport is merged, the body of the email to the supplier). */
@Injectable()
export class PurchaseOrderDocumentService {
  constructor(
    private readonly orders: PurchaseOrdersService,
    private readonly suppliers: SuppliersService,
    private readonly stores: StoresService,
    private readonly tenants: TenantsService,
  ) {}

  async render(context: RequestContext, id: string): Promise<string> {
    const order = await this.orders.get(context, id);
    const [supplier, store, tenant] = [
      await this.suppliers.get(context, order.supplierId),
      await this.stores.get(context, order.storeId),
      await this.tenants.current(context),
    ];
    return renderPurchaseOrderHtml({ order, supplier, shopName: tenant.name, storeName: store.name });
  }
}
