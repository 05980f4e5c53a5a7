import { lifetimeValue, topProducts } from '@kassa/analytics-core';
import { factsOf, ordersOf } from './analytics.service';

const totals = (productId: string, figures: Partial<Parameters<typeof factsOf>[0][number]>) => ({
  productId,
  quantity: 0,
  revenueMinor: 0,
  costMinor: 0,
  costedRevenueMinor: 0,
  unknownCostLines: 0,
  transactions: 0,
  ...figures,
});

describe('factsOf (product rollups as line facts)', () => {
  it('ranks as the lines would: margin over costed lines, lines without a cost counted, no margin without any', () => {
    const ranked = topProducts(
      factsOf(
        [
          totals('tea', { quantity: 3, revenueMinor: 750, costMinor: 300, costedRevenueMinor: 500, unknownCostLines: 1 }),
          totals('cake', { quantity: 4, revenueMinor: 480, costMinor: 80, costedRevenueMinor: 480 }),
          totals('old', { quantity: 2, revenueMinor: 200, unknownCostLines: 2 }),
        ],
        '2026-03-02',
      ),
      { by: 'margin' },
    );
    expect(ranked.unknownCostLines).toBe(3);
    expect(
      ranked.products.map((product) => [product.productId, product.quantity, product.revenueMinor, product.marginMinor, product.unknownCostLines]),
    ).toEqual([
      ['cake', 4, 480, 400, 0],
      ['tea', 3, 750, 200, 1],
      ['old', 2, 200, null, 2],
    ]);
  });
});

describe('ordersOf (customer totals as orders)', () => {
  it('gives lifetimeValue the same answer as the customer-days they sum', () => {
    const days = [
      { customerId: 'anna', saleId: 'anna/2025-01-01', date: '2025-01-01', revenueMinor: 5000, orders: 2 },
      { customerId: 'anna', saleId: 'anna/2025-04-01', date: '2025-04-01', revenueMinor: 1200, orders: 1 },
      { customerId: 'anna', saleId: 'anna/2025-08-01', date: '2025-08-01', revenueMinor: 5000, orders: 2 },
      { customerId: 'ben', saleId: 'ben/2025-03-01', date: '2025-03-01', revenueMinor: 700, orders: 1 },
    ];
    const totals = [
      { customerId: 'anna', firstDay: '2025-01-01', lastDay: '2025-08-01', orders: 5, revenueMinor: 11200 },
      { customerId: 'ben', firstDay: '2025-03-01', lastDay: '2025-03-01', orders: 1, revenueMinor: 700 },
    ];
    expect(lifetimeValue(totals.flatMap(ordersOf), { asOf: '2025-12-31' })).toEqual(lifetimeValue(days, { asOf: '2025-12-31' }));
  });
});
