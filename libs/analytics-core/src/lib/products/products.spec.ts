import fc from 'fast-check';
import { expectAllFinite } from '../../test-support/expect-finite';
import { SaleLineFact } from '../sale-line-fact';
import { basketPairs, scoreBasketPairs } from './baskets';
import { topProducts } from './top-products';
import { salesVelocity } from './velocity';

const line = (saleId: string, productId: string, quantity = 1, revenueMinor = 100, costMinor: number | null = 60): SaleLineFact => ({
  saleId,
  productId,
  date: '2026-03-02',
  quantity,
  revenueMinor,
  costMinor,
});

const facts = fc.array(
  fc.record({
    saleId: fc.constantFrom('s1', 's2', 's3', 's4'),
    productId: fc.constantFrom('a', 'b', 'c'),
    date: fc.constant('2026-03-02'),
    quantity: fc.integer({ min: -5, max: 20 }),
    revenueMinor: fc.integer({ min: -10_000, max: 1_000_000 }),
    costMinor: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  }),
  { maxLength: 30 },
);

describe('topProducts', () => {
  const lines = [line('1', 'tea', 2, 500, 300), line('2', 'tea', 1, 250, null), line('2', 'cake', 5, 600, 100), line('3', 'cake', -1, -120, -20)];

  it('ranks by revenue net of refunds, with each product’s share', () => {
    const sut = topProducts(lines);
    expect(sut.products.map((product) => [product.productId, product.revenueMinor, product.share])).toEqual([
      ['tea', 750, 750 / 1230],
      ['cake', 480, 480 / 1230],
    ]);
  });

  it('ranks by quantity', () => {
    expect(topProducts(lines, { by: 'quantity' }).products.map((product) => [product.productId, product.quantity])).toEqual([
      ['cake', 4],
      ['tea', 3],
    ]);
  });

  it('ranks by margin over lines with a cost snapshot and says how many lines had none', () => {
    const sut = topProducts(lines, { by: 'margin', nameOf: (id) => id.toUpperCase() });
    expect(sut.products.map((product) => [product.productId, product.marginMinor, product.unknownCostLines])).toEqual([
      ['cake', 400, 0],
      ['tea', 200, 1],
    ]);
    expect(sut.explanation).toBe('CAKE leads by margin (66.7% of the total); 1 line without a cost snapshot is left out of margin.');
  });

  it('has no margin for a product sold only without cost snapshots, ranking it last by margin', () => {
    const sut = topProducts([line('1', 'old', 1, 900, null), line('2', 'new', 1, 100, 50)], { by: 'margin' });
    expect(sut.products.map((product) => [product.productId, product.marginMinor])).toEqual([
      ['new', 50],
      ['old', null],
    ]);
  });
});

describe('basketPairs', () => {
  // Six baskets, worked by hand:
  //   1 {bread, butter}  2 {bread, butter, milk}  3 {milk}  4 {jam}  5 {bread, butter, jam}  6 {milk, jam}
  // bread 3, butter 3, both 3 → support 3/6 = 0.5, confidence 3/3 = 1, lift 3·6/(3·3) = 2.
  // milk 3, jam 3, both 1 (basket 6) → lift 1·6/(3·3) = 2/3.
  const baskets = [
    ['1', 'bread'],
    ['1', 'butter'],
    ['2', 'bread'],
    ['2', 'butter'],
    ['2', 'milk'],
    ['3', 'milk'],
    ['4', 'jam'],
    ['5', 'bread'],
    ['5', 'butter'],
    ['5', 'jam'],
    ['6', 'milk'],
    ['6', 'jam'],
  ].map(([saleId, productId]) => line(saleId, productId));

  it('computes support, confidence and lift equal to the hand-computed values', () => {
    const sut = basketPairs(baskets, { minCount: 1 });
    expect(sut.baskets).toBe(6);
    const breadButter = sut.pairs.find((pair) => pair.productA === 'bread' && pair.productB === 'butter');
    expect(breadButter).toMatchObject({ count: 3, support: 0.5, confidenceAToB: 1, confidenceBToA: 1, lift: 2 });
    const jamMilk = sut.pairs.find((pair) => pair.productA === 'jam' && pair.productB === 'milk');
    expect(jamMilk?.lift).toBeCloseTo(2 / 3, 12);
    expect(sut.pairs[0]).toBe(breadButter);
    expect(breadButter?.explanation).toBe('butter is in 100% of the baskets with bread, 2.00× as often as chance would put them together.');
  });

  it('scores the same pairs from counts of baskets (as the rollups keep them) as from the lines', () => {
    const sut = scoreBasketPairs(
      {
        baskets: 6,
        single: new Map([
          ['bread', 3],
          ['butter', 3],
          ['milk', 3],
          ['jam', 3],
        ]),
        pairs: [
          { productA: 'bread', productB: 'butter', count: 3 },
          { productA: 'bread', productB: 'milk', count: 1 },
          { productA: 'butter', productB: 'milk', count: 1 },
          { productA: 'bread', productB: 'jam', count: 1 },
          { productA: 'butter', productB: 'jam', count: 1 },
          { productA: 'jam', productB: 'milk', count: 1 },
        ],
      },
      { minCount: 1 },
    );
    expect(sut).toEqual(basketPairs(baskets, { minCount: 1 }));
  });

  it('scores no pair without baskets', () => {
    expect(scoreBasketPairs({ baskets: 0, single: new Map(), pairs: [{ productA: 'a', productB: 'b', count: 0 }] }, { minCount: 0 }).pairs).toEqual([]);
  });

  it('leaves out pairs seen in fewer baskets than the minimum, and refund lines', () => {
    const sut = basketPairs([...baskets, line('7', 'bread', -1, -100), line('7', 'milk', -1, -100)]);
    expect(sut.baskets).toBe(6);
    expect(sut.pairs.map((pair) => `${pair.productA}+${pair.productB}`)).toEqual(['bread+butter']);
  });
});

describe('salesVelocity', () => {
  it('gives units and revenue per day and days of cover, shortest cover first', () => {
    const lines = [line('1', 'tea', 20, 4000), line('2', 'tea', 8, 1600), line('3', 'cake', 7, 700)];
    const stockOnHand = new Map([
      ['tea', 10],
      ['cake', 50],
      ['jam', 4],
      ['soap', 0],
    ]);
    const sut = salesVelocity(lines, { days: 14, stockOnHand });
    expect(sut.map((product) => [product.productId, product.unitsPerDay, product.revenuePerDayMinor, product.daysOfCover])).toEqual([
      ['soap', 0, 0, 0],
      ['tea', 2, 400, 5],
      ['cake', 0.5, 50, 100],
      ['jam', 0, 0, null],
    ]);
    expect(sut[1].explanation).toBe('tea sells 2.00 a day; the 10.00 on hand last about 5.00 days.');
    expect(sut[3].explanation).toBe('jam did not sell in the last 14 days; 4.00 on hand.');
  });
});

describe('product analytics edge cases', () => {
  it.each([
    ['empty', []],
    ['single-point', [line('1', 'tea')]],
    ['all-zero', [line('1', 'tea', 0, 0, 0), line('1', 'cake', 0, 0, 0)]],
  ])('handles %s input', (_, lines) => {
    expectAllFinite(topProducts(lines, { by: 'margin' }));
    expectAllFinite(basketPairs(lines));
    expectAllFinite(salesVelocity(lines, { days: 0, stockOnHand: new Map([['tea', 0]]) }));
  });

  it('never returns NaN or Infinity', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom('revenue', 'quantity', 'margin' as const), fc.integer({ min: 0, max: 400 }), (lines, by, days) => {
        expectAllFinite(topProducts(lines, { by }));
        expectAllFinite(basketPairs(lines, { minCount: 1 }));
        expectAllFinite(salesVelocity(lines, { days, stockOnHand: new Map([['a', 5]]) }));
      }),
    );
  });
});
