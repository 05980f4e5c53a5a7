import fc from 'fast-check';
import { allocateLargestRemainder, divideHalfEven } from './money';
import { Discount, priceSale, PricingInput, refundShare } from './pricing';

const discount = fc.oneof(
  fc.record({ percentBps: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ amountMinor: fc.integer({ min: 0, max: 1_000_000 }) }),
) as fc.Arbitrary<Discount>;

const sale: fc.Arbitrary<PricingInput> = fc.record(
  {
    lines: fc.array(
      fc.record(
        {
          unitPriceMinor: fc.integer({ min: 0, max: 10_000_000 }),
          quantity: fc.integer({ min: 1, max: 1_000 }),
          taxRateBps: fc.constantFrom(0, 500, 700, 1_900, 2_000, 2_500),
          discount,
        },
        { requiredKeys: ['unitPriceMinor', 'quantity', 'taxRateBps'] },
      ),
      { minLength: 1, maxLength: 20 },
    ),
    discount,
    pricesIncludeTax: fc.boolean(),
  },
  { requiredKeys: ['lines', 'pricesIncludeTax'] },
);

describe('priceSale', () => {
  it('makes every sale total the sum of its lines, in both tax modes', () => {
    fc.assert(
      fc.property(sale, (input) => {
        const sut = priceSale(input);
        const sum = (pick: (line: (typeof sut.lines)[number]) => number) => sut.lines.reduce((total, line) => total + pick(line), 0);
        expect(sut.totalMinor).toBe(sum((line) => line.totalMinor));
        expect(sut.taxMinor).toBe(sum((line) => line.taxMinor));
        expect(sut.totalMinor).toBe(sut.subtotalMinor - sut.discountMinor + (input.pricesIncludeTax ? 0 : sut.taxMinor));
      }),
    );
  });

  it('never produces a negative amount', () => {
    fc.assert(
      fc.property(sale, (input) => {
        const sut = priceSale(input);
        for (const line of sut.lines) {
          for (const value of Object.values(line)) expect(value).toBeGreaterThanOrEqual(0);
          expect(line.lineDiscountMinor + line.saleDiscountMinor).toBeLessThanOrEqual(line.grossMinor);
        }
        expect(Math.min(sut.subtotalMinor, sut.discountMinor, sut.taxMinor, sut.totalMinor)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('allocates the sale discount over the lines to exactly the discount', () => {
    fc.assert(
      fc.property(sale, (input) => {
        const sut = priceSale(input);
        const afterLines = sut.lines.reduce((total, line) => total + line.grossMinor - line.lineDiscountMinor, 0);
        const expected = !input.discount
          ? 0
          : 'percentBps' in input.discount
            ? Number(divideHalfEven(BigInt(afterLines) * BigInt(input.discount.percentBps), 10_000n))
            : Math.min(input.discount.amountMinor, afterLines);
        expect(sut.lines.reduce((total, line) => total + line.saleDiscountMinor, 0)).toBe(Math.min(expected, afterLines));
      }),
    );
  });

  it('prices a worked example with tax included (19 % and 7 %, 10 % off the sale)', () => {
    const sut = priceSale({
      pricesIncludeTax: true,
      discount: { percentBps: 1_000 },
      lines: [
        { unitPriceMinor: 1_999, quantity: 2, taxRateBps: 1_900 },
        { unitPriceMinor: 299, quantity: 3, taxRateBps: 700, discount: { amountMinor: 100 } },
      ],
    });
    // Lines after their own discounts: 3998 and 797; 10 % of 4795 = 479.5 → 480 (half-even);
    // split 3998:797 → 400.23 and 79.77 → floors 400 and 79, the unit left to the larger remainder → 400 and 80.
    // Amounts 3598 and 717.
    // Tax inside: 3598 × 1900 / 11900 = 574.47 → 574; 717 × 700 / 10700 = 46.91 → 47.
    expect(sut.lines.map((line) => [line.saleDiscountMinor, line.taxMinor, line.totalMinor])).toEqual([
      [400, 574, 3_598],
      [80, 47, 717],
    ]);
    expect(sut).toMatchObject({ subtotalMinor: 4_895, discountMinor: 580, taxMinor: 621, totalMinor: 4_315 });
  });

  it('prices a worked example with tax added on top (8.875 % and 0 %)', () => {
    const sut = priceSale({
      pricesIncludeTax: false,
      discount: { amountMinor: 500 },
      lines: [
        { unitPriceMinor: 1_250, quantity: 4, taxRateBps: 888 },
        { unitPriceMinor: 399, quantity: 1, taxRateBps: 0 },
      ],
    });
    // 5000 and 399 share 500: 463.05 and 36.95 → floors 463 and 36, and the unit left goes to the larger
    // remainder (.95) → 463 and 37. Amounts 4537 and 362; tax 4537 × 888 / 10000 = 402.89 → 403.
    expect(sut.lines.map((line) => [line.saleDiscountMinor, line.taxMinor, line.totalMinor])).toEqual([
      [463, 403, 4_940],
      [37, 0, 362],
    ]);
    expect(sut).toMatchObject({ subtotalMinor: 5_399, discountMinor: 500, taxMinor: 403, totalMinor: 5_302 });
  });
});

describe('money helpers', () => {
  it('rounds halves to even and everything else to nearest', () => {
    expect([5n, 15n, 25n, -5n, 14n, 16n].map((n) => divideHalfEven(n, 10n))).toEqual([0n, 2n, 2n, 0n, 1n, 2n]);
  });

  it('allocates exactly, by largest remainder', () => {
    expect(allocateLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateLargestRemainder(5, [0, 0])).toEqual([0, 0]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        const shares = allocateLargestRemainder(total, weights);
        const weightSum = weights.reduce((a, b) => a + b, 0);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(weightSum === 0 ? 0 : total);
      }),
    );
  });
});

describe('refundShare', () => {
  it('gives back 2 of 3 units as two thirds of what the line cost, to the cent', () => {
    expect(refundShare({ totalMinor: 1000, taxMinor: 160, quantity: 3 }, 0, 2)).toEqual({ amountMinor: 667, taxMinor: 107 });
    expect(refundShare({ totalMinor: 1000, taxMinor: 160, quantity: 3 }, 2, 1)).toEqual({ amountMinor: 333, taxMinor: 53 });
  });

  it('gives back exactly the line total and tax however the units are refunded in parts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 10 }),
        (totalMinor, taxMinor, parts) => {
          const quantity = parts.reduce((a, b) => a + b, 0);
          const line = { totalMinor, taxMinor: Math.min(taxMinor, totalMinor), quantity };
          let refunded = 0;
          let amount = 0;
          let tax = 0;
          for (const part of parts) {
            const share = refundShare(line, refunded, part);
            expect(share.amountMinor).toBeGreaterThanOrEqual(0);
            amount += share.amountMinor;
            tax += share.taxMinor;
            refunded += part;
          }
          expect([amount, tax]).toEqual([line.totalMinor, line.taxMinor]);
        },
      ),
    );
  });
});
