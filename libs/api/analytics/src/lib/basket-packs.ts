/**
 * Basket packs (decision 0049): a store's basket counts over one local day or one calendar month in a single row of
 * `analytics_basket_pack`, so that a period's tens of thousands of pairs come out of the database as a few hundred
 * kilobytes and are summed here, instead of as rows summed by the database.
 *
 * - `baskets`: the sales in the store (the sum of `analytics_hourly_store.transactions`);
 * - `products`: per product key, the sales holding the product (`analytics_daily_product.transactions`, zeros left out);
 * - `pairs`: per pair, the sales holding both (`analytics_basket_pair.baskets`), as (key of `product_a`, key of `product_b`).
 *
 * Keys are small integers for product ids, per tenant (`analytics_product_key`). A pack is one byte giving the width w
 * (1–4) of every number in it, then its entries, each number w bytes big-endian; empty when it has no entries.
 */

/** The SQL width byte for the largest number a pack holds. */
export const packWidthSql = (largest: string) =>
  `CASE WHEN ${largest} < 256 THEN 1 WHEN ${largest} < 65536 THEN 2 WHEN ${largest} < 16777216 THEN 3 ELSE 4 END`;

/** The SQL aggregate packing the group's entries (`fields`, each < 2³², ordered by `order`), given its width column `w`. */
export const packSql = (fields: readonly string[], order: string) =>
  `set_byte('\\x00'::bytea, 0, w) || string_agg(${fields.map((field) => `substring(int8send(${field}::bigint) FROM 9 - w)`).join(' || ')}, ''::bytea ORDER BY ${order})`;

/** The number of `width` bytes at `offset`, big-endian. */
function numberAt(pack: Uint8Array, offset: number, width: number): number {
  switch (width) {
    case 1:
      return pack[offset];
    case 2:
      return (pack[offset] << 8) | pack[offset + 1];
    case 3:
      return (pack[offset] << 16) | (pack[offset + 1] << 8) | pack[offset + 2];
    default:
      return pack[offset] * 0x1000000 + ((pack[offset + 1] << 16) | (pack[offset + 2] << 8) | pack[offset + 3]);
  }
}

/** Calls `visit` with the numbers of each entry of `pack` (entries of `fields` numbers; the third is 0 for two). */
export function readPack(pack: Uint8Array, fields: 2 | 3, visit: (first: number, second: number, third: number) => void): void {
  if (pack.length === 0) return;
  const width = pack[0];
  const step = fields * width;
  for (let offset = 1; offset < pack.length; offset += step) {
    visit(numberAt(pack, offset, width), numberAt(pack, offset + width, width), fields === 3 ? numberAt(pack, offset + 2 * width, width) : 0);
  }
}

/** A pack of these entries as the SQL above writes it (for tests and the rebuild's checks). */
export function writePack(entries: readonly (readonly number[])[]): Uint8Array {
  if (entries.length === 0) return new Uint8Array(0);
  const largest = Math.max(...entries.flat());
  const width = largest < 256 ? 1 : largest < 65536 ? 2 : largest < 16777216 ? 3 : 4;
  const pack = new Uint8Array(1 + entries.length * entries[0].length * width);
  pack[0] = width;
  let offset = 1;
  for (const entry of entries) {
    for (const value of entry) {
      for (let byte = width - 1; byte >= 0; byte--) pack[offset++] = Math.floor(value / 256 ** byte) % 256;
    }
  }
  return pack;
}

/** One row of packs to add (`sign` 1) or take away (−1): whole months less the days outside the period. */
export interface SignedPack {
  sign: number;
  baskets: number;
  products: Uint8Array;
  pairs: Uint8Array;
}

/** A pair of product keys bought together, with the baskets holding each. */
export interface KeyedPair {
  keyA: number;
  keyB: number;
  count: number;
  withA: number;
  withB: number;
  lift: number;
}

/** Pairs summed from packs whose keys go up to `maxKey`: at most this many in a dense table, else in a map. */
const DENSE_CELLS = 1 << 20;

// The dense tables, kept between calls (ranking never awaits, so no two calls share them) so that a report does not
// leave a megabyte of typed arrays to the garbage collector.
let singleTable = new Float64Array(0);
let pairTable = new Int32Array(0);

/**
 * The period's baskets, and its pairs seen in at least `minCount` baskets ranked as analytics-core's `scoreBasketPairs`
 * ranks them (lift, then count, then the products' ids): the first `limit` by lift and count, and every pair tied with
 * the last of them, for the caller to order by ids once it knows them.
 */
export function rankPackedPairs(packs: readonly SignedPack[], maxKey: number, minCount: number, limit: number): { baskets: number; pairs: KeyedPair[] } {
  const keys = maxKey + 1;
  if (singleTable.length < keys) singleTable = new Float64Array(keys);
  const single = singleTable.fill(0, 0, keys);
  let baskets = 0;
  for (const { sign, baskets: sales, products } of packs) {
    baskets += sign * sales;
    readPack(products, 2, (key, count) => (single[key] += sign * count));
  }
  const cells = keys * keys;
  if (cells <= DENSE_CELLS && pairTable.length < cells) pairTable = new Int32Array(cells);
  const dense = cells <= DENSE_CELLS ? pairTable.fill(0, 0, cells) : null;
  const sparse = new Map<number, number>();
  for (const { sign, pairs } of packs) {
    if (!dense) {
      readPack(pairs, 3, (keyA, keyB, count) => sparse.set(keyA * keys + keyB, (sparse.get(keyA * keys + keyB) ?? 0) + sign * count));
      continue;
    }
    // The hot loop (a period holds some hundred thousand entries): no callback.
    const width = pairs[0];
    for (let offset = 1; offset < pairs.length; offset += 3 * width) {
      dense[numberAt(pairs, offset, width) * keys + numberAt(pairs, offset + width, width)] += sign * numberAt(pairs, offset + 2 * width, width);
    }
  }
  const withOf = (key: number, count: number) => Math.max(single[key] || count, count);
  const liftOf = (cell: number, count: number) => (count * baskets) / (withOf(Math.floor(cell / keys), count) * withOf(cell % keys, count));
  const pairOf = (cell: number, count: number): KeyedPair => {
    const keyA = Math.floor(cell / keys);
    const keyB = cell % keys;
    return { keyA, keyB, count, withA: withOf(keyA, count), withB: withOf(keyB, count), lift: liftOf(cell, count) };
  };
  const visit = (consider: (cell: number, count: number) => void) => {
    if (baskets <= 0) return;
    if (dense) {
      for (let cell = 0; cell < cells; cell++) if (dense[cell] >= minCount) consider(cell, dense[cell]);
    } else sparse.forEach((count, cell) => count >= minCount && consider(cell, count));
  };
  // How far `lift` and `count` rank behind `pair`: negative when ahead, 0 when tied.
  const behind = (pair: KeyedPair, lift: number, count: number) => pair.lift - lift || pair.count - count;
  // The `limit` best by lift and count, then everything as good as the last of them.
  const best: KeyedPair[] = [];
  visit((cell, count) => {
    const lift = liftOf(cell, count);
    if (best.length === limit && behind(best[limit - 1], lift, count) >= 0) return;
    let at = Math.min(best.length, limit - 1);
    while (at > 0 && behind(best[at - 1], lift, count) < 0) at--;
    best.splice(at, 0, pairOf(cell, count));
    if (best.length > limit) best.pop();
  });
  const ranked: KeyedPair[] = [];
  visit((cell, count) => {
    if (behind(best[best.length - 1], liftOf(cell, count), count) <= 0) ranked.push(pairOf(cell, count));
  });
  return { baskets, pairs: ranked };
}
