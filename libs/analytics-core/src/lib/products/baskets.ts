import { SaleLineFact } from '../sale-line-fact';
import { formatNumber, formatShare } from '../wording';

export interface BasketPair {
  productA: string;
  productB: string;
  /** Baskets holding both. */
  count: number;
  /** count / baskets. */
  support: number;
  /** P(B | A) = count / baskets with A, and the reverse. */
  confidenceAToB: number;
  confidenceBToA: number;
  /** support(A, B) / (support(A) · support(B)): how many times more often than by chance. */
  lift: number;
  explanation: string;
}

export interface BasketAnalysis {
  baskets: number;
  pairs: BasketPair[];
  explanation: string;
}

export interface BasketOptions {
  /** Pairs seen in fewer baskets than this are left out (chance pairs have wild lifts). Default 2. */
  minCount?: number;
  limit?: number;
  nameOf?: (productId: string) => string;
}

/**
 * Pairs of products bought together. A basket is one sale's set of products with positive quantity
 * (refund lines don't make baskets). Pairs are ranked by lift, then by count.
 */
export function basketPairs(lines: readonly SaleLineFact[], options: BasketOptions = {}): BasketAnalysis {
  const baskets = new Map<string, Set<string>>();
  for (const line of lines) if (line.quantity > 0) baskets.set(line.saleId, (baskets.get(line.saleId) ?? new Set<string>()).add(line.productId));
  const single = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const basket of baskets.values()) {
    const products = [...basket].sort();
    products.forEach((product, i) => {
      single.set(product, (single.get(product) ?? 0) + 1);
      for (const other of products.slice(i + 1)) pairs.set(`${product}\u0000${other}`, (pairs.get(`${product}\u0000${other}`) ?? 0) + 1);
    });
  }
  return scoreBasketPairs(
    {
      baskets: baskets.size,
      single,
      pairs: [...pairs].map(([key, count]) => {
        const [productA, productB] = key.split('\u0000');
        return { productA, productB, count };
      }),
    },
    options,
  );
}

/** How often products and pairs were bought: what `scoreBasketPairs` needs, as rollups keep it. */
export interface BasketCounts {
  baskets: number;
  /** Baskets holding each product. */
  single: ReadonlyMap<string, number>;
  /** Baskets holding both (`productA` < `productB`). */
  pairs: readonly { productA: string; productB: string; count: number }[];
}

/** Support, confidence and lift of each pair from counts of baskets; ranked by lift, then by count. */
export function scoreBasketPairs(counts: BasketCounts, options: BasketOptions = {}): BasketAnalysis {
  const { minCount = 2, limit = 20, nameOf = (productId: string) => productId } = options;
  const total = counts.baskets;
  const found = counts.pairs
    .filter(({ count }) => count >= minCount && total > 0)
    .map(({ productA, productB, count }): BasketPair => {
      const withA = Math.max(counts.single.get(productA) ?? count, count);
      const withB = Math.max(counts.single.get(productB) ?? count, count);
      const lift = (count * total) / (withA * withB);
      return {
        productA,
        productB,
        count,
        support: count / total,
        confidenceAToB: count / withA,
        confidenceBToA: count / withB,
        lift,
        explanation: `${nameOf(productB)} is in ${formatShare(count / withA)} of the baskets with ${nameOf(productA)}, ${formatNumber(lift)}× as often as chance would put them together.`,
      };
    })
    .sort((a, b) => b.lift - a.lift || b.count - a.count || (a.productA + a.productB < b.productA + b.productB ? -1 : 1))
    .slice(0, limit);
  const explanation =
    found.length === 0
      ? `No pair of products appears together in at least ${minCount} of the ${total} baskets.`
      : `Strongest pair in ${total} baskets: ${found[0].explanation}`;
  return { baskets: total, pairs: found, explanation };
}
