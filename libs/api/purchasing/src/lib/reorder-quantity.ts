/** Days of sales history a reorder suggestion looks at. */
export const HISTORY_DAYS = 28;

export interface ReorderInputs {
  /** Net units sold in the store over the last HISTORY_DAYS local days; v = unitsSold / HISTORY_DAYS. */
  unitsSold: number;
  /** L: the preferred supplier's lead time, days. */
  leadTimeDays: number;
  /** R: the shop's review period, days. */
  reviewPeriodDays: number;
  onHand: number;
  onOrder: number;
  /** The store's or else the product's reorder point; none counts as 0. */
  reorderPoint: number | null;
  packSize: number;
  minOrderQuantity: number;
}

export interface ReorderSuggestion {
  /** onHand − v·L ≤ reorderPoint. */
  due: boolean;
  safetyStock: number;
  /** ceil(max(v·(L+R) + safety − onHand − onOrder, minOrderQuantity) / packSize) · packSize, never below 0. */
  quantity: number;
}

const ceilDiv = (numerator: number, denominator: number) => Math.ceil(numerator / denominator);

/**
 * The reorder rule of issue 26, in integers: every term is scaled by HISTORY_DAYS so v = unitsSold / 28
 * never becomes a float. Example: v = 2, L = 5, R = 7, onHand 10, onOrder 4, pack 12, min 20 → 24.
 */
export function reorderSuggestion(inputs: ReorderInputs): ReorderSuggestion {
  const d = HISTORY_DAYS;
  const sold = Math.max(inputs.unitsSold, 0);
  const safetyStock = ceilDiv(3 * sold, d);
  const due = d * inputs.onHand - sold * inputs.leadTimeDays <= d * (inputs.reorderPoint ?? 0);
  const needScaled = sold * (inputs.leadTimeDays + inputs.reviewPeriodDays) + d * (safetyStock - inputs.onHand - inputs.onOrder);
  const wantedScaled = Math.max(needScaled, d * inputs.minOrderQuantity, 0);
  const quantity = ceilDiv(wantedScaled, d * inputs.packSize) * inputs.packSize;
  return { due, safetyStock, quantity };
}
