import { finiteOrNull } from '../finite';
import { SaleLineFact } from '../sale-line-fact';
import { formatShare } from '../wording';

export type ProductRanking = 'revenue' | 'quantity' | 'margin';

export interface ProductFigures {
  productId: string;
  revenueMinor: number;
  quantity: number;
  /** Revenue − cost over the lines with a cost snapshot; null when none of them has one. */
  marginMinor: number | null;
  /** Lines of this product left out of margin for want of a cost snapshot. */
  unknownCostLines: number;
  /** This product's part of the ranked figure's total, 0 … 1; null when the total is not positive. */
  share: number | null;
}

export interface TopProducts {
  by: ProductRanking;
  products: ProductFigures[];
  unknownCostLines: number;
  explanation: string;
}

export interface TopProductsOptions {
  by?: ProductRanking;
  limit?: number;
  nameOf?: (productId: string) => string;
}

/** Products ranked by revenue, quantity or margin (ties by product id); products without a margin rank last by margin. */
export function topProducts(lines: readonly SaleLineFact[], options: TopProductsOptions = {}): TopProducts {
  const { by = 'revenue', limit = 10, nameOf = (productId: string) => productId } = options;
  const figures = new Map<string, Omit<ProductFigures, 'share'>>();
  for (const line of lines) {
    const product = figures.get(line.productId) ?? { productId: line.productId, revenueMinor: 0, quantity: 0, marginMinor: null, unknownCostLines: 0 };
    product.revenueMinor += line.revenueMinor;
    product.quantity += line.quantity;
    if (line.costMinor === null) product.unknownCostLines += 1;
    else product.marginMinor = (product.marginMinor ?? 0) + line.revenueMinor - line.costMinor;
    figures.set(line.productId, product);
  }
  const figure = (product: Omit<ProductFigures, 'share'>) =>
    by === 'revenue' ? product.revenueMinor : by === 'quantity' ? product.quantity : product.marginMinor;
  const all = [...figures.values()];
  const total = all.reduce((sum, product) => sum + (figure(product) ?? 0), 0);
  const ranked = all
    .sort((a, b) => (figure(b) ?? -Infinity) - (figure(a) ?? -Infinity) || (a.productId < b.productId ? -1 : 1))
    .slice(0, limit)
    .map((product) => {
      const value = figure(product);
      return { ...product, share: value === null || total <= 0 ? null : finiteOrNull(value / total) };
    });
  const unknownCostLines = all.reduce((sum, product) => sum + product.unknownCostLines, 0);
  return { by, products: ranked, unknownCostLines, explanation: explain(by, ranked, unknownCostLines, nameOf) };
}

function explain(by: ProductRanking, ranked: readonly ProductFigures[], unknownCostLines: number, nameOf: (productId: string) => string): string {
  const costNote =
    unknownCostLines === 0
      ? ''
      : `; ${unknownCostLines} line${unknownCostLines === 1 ? ' without a cost snapshot is' : 's without a cost snapshot are'} left out of margin`;
  if (ranked.length === 0) return `No products sold in the period${costNote}.`;
  const top = ranked[0];
  const share = top.share === null ? '' : ` (${formatShare(top.share)} of the total)`;
  return `${nameOf(top.productId)} leads by ${by}${share}${costNote}.`;
}
