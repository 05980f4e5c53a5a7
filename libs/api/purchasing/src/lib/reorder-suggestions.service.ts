import { Injectable } from '@nestjs/common';
import { ProductsService } from '@kassa/api/catalog';
import { invalidField, RequestContext } from '@kassa/api/http';
import { StockService } from '@kassa/api/inventory';
import { SalesHistoryService } from '@kassa/api/sales';
import { StoresService } from '@kassa/api/tenancy';
import type { CreateDraftOrdersDto, DraftOrderListDto, ReorderSuggestionDto, ReorderSuggestionListDto } from './dto/purchasing.dto';
import { PurchaseOrdersService } from './purchase-orders.service';
import { PurchasingSettingsService } from './purchasing-settings.service';
import { HISTORY_DAYS, reorderSuggestion } from './reorder-quantity';
import { SuppliersService } from './suppliers.service';

/** What to order before the shelf is empty (issue 26), from the store's sales, stock, open orders and preferred suppliers. */
@Injectable()
export class ReorderSuggestionsService {
  constructor(
    private readonly stores: StoresService,
    private readonly suppliers: SuppliersService,
    private readonly orders: PurchaseOrdersService,
    private readonly settings: PurchasingSettingsService,
    private readonly stock: StockService,
    private readonly sales: SalesHistoryService,
    private readonly products: ProductsService,
  ) {}

  /** Products of the store that are due for reordering, by name. */
  async suggest(context: RequestContext, storeId: string): Promise<ReorderSuggestionListDto> {
    const items = (await this.compute(context, storeId)).filter((item) => item.due && item.quantity > 0).map(({ due: _due, ...item }) => item);
    return { items: items.sort((a, b) => a.name.localeCompare(b.name) || a.productId.localeCompare(b.productId)) };
  }

  /** Draft orders for these products, one per preferred supplier, each line the suggested quantity at the supplier's cost. */
  async createDrafts(context: RequestContext, input: CreateDraftOrdersDto): Promise<DraftOrderListDto> {
    const computed = new Map((await this.compute(context, input.storeId, input.productIds)).map((item) => [item.productId, item]));
    const bySupplier = new Map<string, ReorderSuggestionDto[]>();
    input.productIds.forEach((productId, index) => {
      const item = computed.get(productId);
      if (!item) throw invalidField(`productIds.${index}`, 'the product has no preferred supplier');
      if (item.quantity <= 0) throw invalidField(`productIds.${index}`, 'nothing to order: the product is stocked beyond the review period');
      bySupplier.set(item.supplierId, [...(bySupplier.get(item.supplierId) ?? []), item]);
    });
    const items = [];
    for (const [supplierId, lines] of [...bySupplier].sort(([a], [b]) => a.localeCompare(b))) {
      items.push(
        await this.orders.create(context, {
          supplierId,
          storeId: input.storeId,
          note: 'Drafted from reorder suggestions',
          lines: lines.map((line) => ({ productId: line.productId, quantity: line.quantity, unitCostMinor: line.unitCostMinor })),
        }),
      );
    }
    return { items };
  }

  private async compute(context: RequestContext, storeId: string, productIds?: string[]): Promise<(ReorderSuggestionDto & { due: boolean })[]> {
    await this.stores.assertUsable(context, storeId, 'storeId');
    const preferred = await this.suppliers.preferred(context, productIds);
    if (preferred.length === 0) return [];
    const ids = preferred.map((supplier) => supplier.productId);
    const products = new Map((await this.products.forSale(context, ids)).map((product) => [product.id, product]));
    const levels = await this.stock.levelsIn(context, storeId, ids);
    const onOrder = new Map((await this.orders.onOrder(context, { storeId })).items.map((item) => [item.productId, item.quantity]));
    const sold = await this.sales.netUnitsSold(context, storeId, HISTORY_DAYS);
    const { reviewPeriodDays } = await this.settings.get(context);
    return preferred.flatMap((terms) => {
      const product = products.get(terms.productId);
      if (!product || product.deleted || !product.active || !product.trackStock) return [];
      const level = levels.get(terms.productId);
      const reorderPoint = level?.reorderPoint ?? product.reorderPoint;
      const inputs = {
        unitsSold: sold.get(terms.productId) ?? 0,
        leadTimeDays: terms.leadTimeDays,
        reviewPeriodDays,
        onHand: level?.onHand ?? 0,
        onOrder: onOrder.get(terms.productId) ?? 0,
        reorderPoint,
        packSize: terms.packSize,
        minOrderQuantity: terms.minOrderQuantity,
      };
      const suggestion = reorderSuggestion(inputs);
      return [
        {
          ...inputs,
          productId: terms.productId,
          sku: product.sku,
          name: product.name,
          supplierId: terms.supplierId,
          supplierName: terms.supplierName,
          unitCostMinor: terms.unitCostMinor,
          safetyStock: suggestion.safetyStock,
          quantity: suggestion.quantity,
          due: suggestion.due,
        },
      ];
    });
  }
}
