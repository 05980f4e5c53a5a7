/** A product on a count sheet or a transfer list, as it was found (by scan, SKU or search). */
export interface SheetProduct {
  productId: string;
  name: string;
  sku: string;
}

/** One line of a count: what the system holds and what was counted (null: not counted yet). */
export interface CountLine extends SheetProduct {
  onHand: number;
  counted: number | null;
}

export interface CountSummary {
  /** Lines with a counted quantity. */
  counted: number;
  /** Of those, lines whose count differs from on hand. */
  differing: number;
  /** Units counted beyond on hand, and missing from it, over all lines. */
  unitsOver: number;
  unitsShort: number;
}

/** Counted minus on hand: what posting the count will book (null until counted). */
export function varianceOf(line: CountLine): number | null {
  return line.counted === null ? null : line.counted - line.onHand;
}

/** A scan counts one more unit of its product; a product not on the sheet yet joins it at the end with 1. */
export function countScanned(lines: readonly CountLine[], product: SheetProduct, onHand: number): CountLine[] {
  const existing = lines.find((line) => line.productId === product.productId);
  if (!existing) return [...lines, { ...product, onHand, counted: 1 }];
  return lines.map((line) => (line === existing ? { ...line, counted: (line.counted ?? 0) + 1 } : line));
}

export function setCounted(lines: readonly CountLine[], productId: string, counted: number | null): CountLine[] {
  return lines.map((line) => (line.productId === productId ? { ...line, counted } : line));
}

export function summarizeCount(lines: readonly CountLine[]): CountSummary {
  const summary: CountSummary = { counted: 0, differing: 0, unitsOver: 0, unitsShort: 0 };
  for (const line of lines) {
    const variance = varianceOf(line);
    if (variance === null) continue;
    summary.counted += 1;
    if (variance !== 0) summary.differing += 1;
    if (variance > 0) summary.unitsOver += variance;
    if (variance < 0) summary.unitsShort -= variance;
  }
  return summary;
}

/** What `POST /inventory/counts` takes: only the counted lines (an uncounted product is not claimed to be at 0). */
export function countBody(storeId: string, lines: readonly CountLine[]): { storeId: string; lines: { productId: string; counted: number }[] } {
  return { storeId, lines: lines.flatMap((line) => (line.counted === null ? [] : [{ productId: line.productId, counted: line.counted }])) };
}

/** One line of a transfer between stores. */
export interface TransferLine extends SheetProduct {
  quantity: number | null;
}

/** A scan adds one unit to its product's line (or a new line with 1). */
export function transferScanned(lines: readonly TransferLine[], product: SheetProduct): TransferLine[] {
  const existing = lines.find((line) => line.productId === product.productId);
  if (!existing) return [...lines, { ...product, quantity: 1 }];
  return lines.map((line) => (line === existing ? { ...line, quantity: (line.quantity ?? 0) + 1 } : line));
}

/** The lines with a quantity to move; a transfer with none cannot be sent. */
export function transferBodyLines(lines: readonly TransferLine[]): { productId: string; quantity: number }[] {
  return lines.flatMap((line) => (line.quantity && line.quantity > 0 ? [{ productId: line.productId, quantity: line.quantity }] : []));
}
