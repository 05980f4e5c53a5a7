import fc from 'fast-check';
import { basketPairs, SaleLineFact, scoreBasketPairs } from '@kassa/analytics-core';
import { rankPackedPairs, readPack, SignedPack, writePack } from './basket-packs';

const PRODUCTS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const DAYS = 6;

/** One day's (or several days') packs of these baskets, keys from `keyOf`, as the rollups write them. */
function packOf(baskets: readonly (readonly string[])[], keyOf: (id: string) => number): Omit<SignedPack, 'sign'> {
  const single = new Map<number, number>();
  const pairs = new Map<string, number>();
  for (const basket of baskets) {
    const products = [...new Set(basket)].sort();
    products.forEach((product, index) => {
      single.set(keyOf(product), (single.get(keyOf(product)) ?? 0) + 1);
      for (const other of products.slice(index + 1)) {
        const cell = `${keyOf(product)}/${keyOf(other)}`;
        pairs.set(cell, (pairs.get(cell) ?? 0) + 1);
      }
    });
  }
  return {
    baskets: baskets.length,
    products: writePack([...single].sort(([a], [b]) => a - b).map(([key, count]) => [key, count])),
    pairs: writePack([...pairs].map(([cell, count]) => [...cell.split('/').map(Number), count]).sort((a, b) => a[0] - b[0] || a[1] - b[1])),
  };
}

describe('basket packs', () => {
  it('write each number in the width of the largest, big-endian, after that width', () => {
    expect([...writePack([[1, 300, 2]])]).toEqual([2, 0, 1, 1, 44, 0, 2]);
    expect([...writePack([[7, 9]])]).toEqual([1, 7, 9]);
    expect(writePack([])).toHaveLength(0);
    for (const largest of [255, 256, 65_535, 65_536, 16_777_216, 2 ** 32 - 1]) {
      const read: number[][] = [];
      readPack(writePack([[largest, 1, 0]]), 3, (a, b, c) => read.push([a, b, c]));
      expect(read).toEqual([[largest, 1, 0]]);
    }
  });

  it('rank a period summed from day and month packs as scoreBasketPairs ranks its baskets, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: DAYS - 1 }), products: fc.subarray(PRODUCTS, { minLength: 1 }) }), { maxLength: 40 }),
        fc.integer({ min: 0, max: DAYS - 1 }),
        fc.integer({ min: 0, max: DAYS - 1 }),
        fc.boolean(),
        fc.shuffledSubarray(
          PRODUCTS.map((_, index) => index + 1),
          { minLength: PRODUCTS.length, maxLength: PRODUCTS.length },
        ),
        fc.constantFrom(1, 2000),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        (baskets, start, end, wholeMonth, order, offset, minCount, limit) => {
          const [from, to] = start <= end ? [start, end] : [end, start];
          const keyOf = (id: string) => order[PRODUCTS.indexOf(id)] * offset;
          const idOf = new Map(PRODUCTS.map((id) => [keyOf(id), id]));
          const onDay = (day: number) => baskets.filter((basket) => basket.day === day).map((basket) => basket.products);
          const days = Array.from({ length: DAYS }, (_, day) => day);
          // The period as the whole "month" less its other days, or as its own days.
          const packs: SignedPack[] = wholeMonth
            ? [
                { sign: 1, ...packOf(days.flatMap(onDay), keyOf) },
                ...days.filter((day) => day < from || day > to).map((day) => ({ sign: -1, ...packOf(onDay(day), keyOf) })),
              ]
            : days.filter((day) => day >= from && day <= to).map((day) => ({ sign: 1, ...packOf(onDay(day), keyOf) }));
          const ranked = rankPackedPairs(packs, PRODUCTS.length * offset, minCount, limit);
          const pairs = ranked.pairs.map((pair) => ({ ...pair, productA: idOf.get(pair.keyA) ?? '', productB: idOf.get(pair.keyB) ?? '' }));
          const single = new Map(pairs.flatMap((pair) => [[pair.productA, pair.withA] as const, [pair.productB, pair.withB] as const]));
          const lines: SaleLineFact[] = baskets
            .filter((basket) => basket.day >= from && basket.day <= to)
            .flatMap((basket, index) =>
              basket.products.map((productId) => ({ saleId: String(index), productId, date: '2026-03-01', quantity: 1, revenueMinor: 100, costMinor: null })),
            );
          expect(scoreBasketPairs({ baskets: ranked.baskets, single, pairs }, { minCount, limit })).toEqual(basketPairs(lines, { minCount, limit }));
        },
      ),
      { numRuns: 300, seed: 49 },
    );
  });
});
