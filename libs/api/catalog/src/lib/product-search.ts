/**
 * The byte-wise range of lower-cased SKUs that start with `q`: `[from, to)`. A range (unlike LIKE)
 * can use the SKU index under row-level security, because text comparison is leakproof.
 */
export function skuPrefixRange(q: string): [string, string] {
  const from = q.toLowerCase();
  const last = from.codePointAt(from.length - 1) ?? 0;
  const head = from.slice(0, from.length - String.fromCodePoint(last).length);
  return [from, head + String.fromCodePoint(last + 1)];
}
