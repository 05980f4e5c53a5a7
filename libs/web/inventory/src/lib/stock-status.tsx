import { Badge } from '@kassa/web/ui';

/** A level in one word: low (at or below its reorder point), out (none and no point to be low against), or in stock. */
export function StockStatus({ onHand, low }: { onHand: number; low: boolean }) {
  if (low) return <Badge tone="warn">Low</Badge>;
  if (onHand <= 0) return <Badge tone="neutral">Out of stock</Badge>;
  return <Badge tone="ok">In stock</Badge>;
}
