import { PricingLine } from '@kassa/contracts';
import { type ProductForSale, productNotFound } from '@kassa/api/catalog';
import { RequestContext } from '@kassa/api/http';
import { discountOf } from './dto/discount.dto';
import type { SaleLineInputDto } from './dto/create-sale.dto';
import type { SaleFlag } from '@kassa/contracts';
import { priceOverrideForbidden, productInactive } from './sales.exception';

/** A requested line with what the catalog says of its product, ready for pricing and the ledger. */
export interface ResolvedLine {
  input: SaleLineInputDto;
  index: number;
  product: ProductForSale;
  pricing: PricingLine;
  flags: SaleFlag[];
}

/**
 * Decides what each line may do with what the catalog says of its product (`products`, from
 * ProductsService.forSale). Online, the catalog rules: a deleted product is not found, an inactive one
 * is not for sale, and another price needs `sales:override_price`. Offline, the sale already happened:
 * each of those is recorded as it was and flagged for review.
 */
export function resolveLines(context: RequestContext, products: ProductForSale[], lines: SaleLineInputDto[], offline: boolean): ResolvedLine[] {
  const byId = new Map(products.map((product) => [product.id, product]));
  const mayOverride = context.actor.permissions.includes('sales:override_price');

  return lines.map((input, index) => {
    const field = (name: string) => `lines.${index}.${name}`;
    const product = byId.get(input.productId);
    if (!product || (product.deleted && !offline)) {
      throw productNotFound(field('productId'));
    }
    const flags: SaleFlag[] = [];
    if (product.deleted) flags.push('product_deleted');
    if (!product.active) {
      if (!offline) {
        throw productInactive(product.name, field('productId'));
      }
      flags.push('product_inactive');
    }
    const unitPriceMinor = input.unitPriceMinor ?? product.priceMinor;
    if (unitPriceMinor !== product.priceMinor) {
      if (offline) flags.push('price_changed');
      else if (!mayOverride) {
        throw priceOverrideForbidden(product.priceMinor, field('unitPriceMinor'));
      }
    }
    return {
      input,
      index,
      product,
      pricing: { unitPriceMinor, quantity: input.quantity, taxRateBps: product.taxRateBps, discount: discountOf(input.discount) },
      flags,
    };
  });
}
