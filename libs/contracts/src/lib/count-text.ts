/**
 * A count with the words that agree with it: `countOf(1, 'product', 'products')` is `1 product`,
 * `countOf(3, 'product is', 'products are')` is `3 products are`. English only; Intl.PluralRules when Kassa is translated.
 */
export function countOf(count: number, one: string, other: string): string {
  return `${count} ${count === 1 ? one : other}`;
}
