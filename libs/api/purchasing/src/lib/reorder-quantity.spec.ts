import fc from 'fast-check';
import { reorderSuggestion } from './reorder-quantity';

describe('reorderSuggestion', () => {
  const example = { unitsSold: 56, leadTimeDays: 5, reviewPeriodDays: 7, onHand: 10, onOrder: 4, reorderPoint: null, packSize: 12, minOrderQuantity: 20 };

  it('orders 24 in the worked example (v = 2, L = 5, onHand 10, onOrder 4, pack 12, min 20)', () => {
    expect(reorderSuggestion(example)).toEqual({ due: true, safetyStock: 6, quantity: 24 });
  });

  it('is not due while on hand covers the lead time above the reorder point', () => {
    expect(reorderSuggestion({ ...example, onHand: 11 }).due).toBe(false);
    expect(reorderSuggestion({ ...example, onHand: 15, reorderPoint: 5 }).due).toBe(true);
  });

  it('rounds up to whole packs of at least the minimum order', () => {
    fc.assert(
      fc.property(
        fc.record({
          unitsSold: fc.integer({ min: 0, max: 10_000 }),
          leadTimeDays: fc.integer({ min: 0, max: 60 }),
          reviewPeriodDays: fc.integer({ min: 1, max: 60 }),
          onHand: fc.integer({ min: -100, max: 10_000 }),
          onOrder: fc.integer({ min: 0, max: 10_000 }),
          reorderPoint: fc.option(fc.integer({ min: 0, max: 1000 })),
          packSize: fc.integer({ min: 1, max: 100 }),
          minOrderQuantity: fc.integer({ min: 0, max: 500 }),
        }),
        (inputs) => {
          const sut = reorderSuggestion(inputs);
          const v = inputs.unitsSold / 28;
          const need = v * (inputs.leadTimeDays + inputs.reviewPeriodDays) + Math.ceil(3 * v - 1e-9) - inputs.onHand - inputs.onOrder;
          expect(sut.quantity % inputs.packSize).toBe(0);
          expect(sut.quantity).toBeGreaterThanOrEqual(inputs.minOrderQuantity);
          expect(sut.quantity).toBeGreaterThanOrEqual(need - 1e-6);
          expect(sut.quantity - inputs.packSize).toBeLessThan(Math.max(need, inputs.minOrderQuantity, 0) + 1e-6);
        },
      ),
    );
  });
});
