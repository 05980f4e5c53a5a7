import { gtin14 } from '@kassa/spreadsheet-core';

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

/**
 * Every written form of the barcode `code` as GTIN-14 (`gtin14(form) = gtin14(code)`): a GTIN with as many leading
 * zeros dropped as still leaves 8, 12, 13 or 14 digits, or the code itself when it is not a GTIN. Lookups compare
 * `code = ANY(forms)`, a plain equality that uses the barcode key under row-level security, where `gtin14(code)`
 * (not leakproof) would read all of a shop's barcodes.
 */
export function gtin14Forms(code: string): string[] {
  const gtin = gtin14(code);
  if (!/^\d{14}$/.test(gtin)) return [code];
  return GTIN_LENGTHS.filter((length) => /^0*$/.test(gtin.slice(0, 14 - length))).map((length) => gtin.slice(14 - length));
}

const GTIN_LENGTHS = [14, 13, 12, 8];
