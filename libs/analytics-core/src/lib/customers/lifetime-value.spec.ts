import fc from 'fast-check';
import { expectAllFinite } from '../../test-support/expect-finite';
import { CustomerOrder, lifetimeValue } from './lifetime-value';

const order = (customerId: string, saleId: string, date: string, revenueMinor: number): CustomerOrder => ({ customerId, saleId, date, revenueMinor });

describe('lifetimeValue', () => {
  // Anna: 4 orders of 2,500 over 2025-01-01 … 2025-12-31 (365 days observed, as of 2025-12-31).
  // Average order 2,500 × 4 × 365.25/365 orders a year × 3 years = 30,020.55 predicted.
  const orders = [
    order('anna', 'a1', '2025-01-01', 2000),
    order('anna', 'a2', '2025-04-01', 3000),
    order('anna', 'a3', '2025-08-01', 2500),
    order('anna', 'a4', '2025-12-01', 2500),
    order('ben', 'b1', '2025-01-20', 1000),
    order('cleo', 'c1', '2025-12-30', 4000),
  ];

  it('gives historic value, average order, frequency and predicted value per customer, highest historic first', () => {
    const sut = lifetimeValue(orders, { asOf: '2025-12-31' });
    const anna = sut.customers.find((customer) => customer.customerId === 'anna');
    expect(sut.customers.map((customer) => customer.customerId)).toEqual(['anna', 'cleo', 'ben']);
    expect(anna).toMatchObject({ orders: 4, historicMinor: 10_000, averageOrderMinor: 2500, firstPurchase: '2025-01-01', lastPurchase: '2025-12-01' });
    expect(anna?.ordersPerYear).toBeCloseTo((4 * 365.25) / 365, 12);
    expect(anna?.predictedMinor).toBeCloseTo(2500 * ((4 * 365.25) / 365) * 3, 9);
  });

  it('takes entries that each stand for several orders (customer-days) as those orders', () => {
    const byDay = lifetimeValue(
      [
        { customerId: 'anna', saleId: 'anna/2025-01-01', date: '2025-01-01', revenueMinor: 5000, orders: 2 },
        { customerId: 'anna', saleId: 'anna/2025-08-01', date: '2025-08-01', revenueMinor: 5000, orders: 2 },
        // A refund on a later day takes money back and is no purchase day.
        { customerId: 'anna', saleId: 'anna/2026-01-05', date: '2026-01-05', revenueMinor: -1000, orders: 0 },
        { customerId: 'ben', saleId: 'ben/2025-03-01', date: '2025-03-01', revenueMinor: -300, orders: 0 },
      ],
      { asOf: '2025-12-31' },
    );
    expect(byDay.customers).toEqual([
      expect.objectContaining({ customerId: 'anna', orders: 4, historicMinor: 9000, firstPurchase: '2025-01-01', lastPurchase: '2025-08-01' }),
    ]);
  });

  it('measures a brand-new customer’s frequency over at least 30 days', () => {
    const cleo = lifetimeValue(orders, { asOf: '2025-12-31' }).customers.find((customer) => customer.customerId === 'cleo');
    expect(cleo?.ordersPerYear).toBeCloseTo(365.25 / 30, 12);
  });

  it('groups customers into cohorts by first-purchase month with their repeat rate', () => {
    expect(lifetimeValue(orders, { asOf: '2025-12-31' }).cohorts).toEqual([
      { month: '2025-01', customers: 2, revenueMinor: 11_000, averageHistoricMinor: 5500, repeatRate: 0.5 },
      { month: '2025-12', customers: 1, revenueMinor: 4000, averageHistoricMinor: 4000, repeatRate: 0 },
    ]);
  });

  it('uses the lifespan it is given and says so', () => {
    const sut = lifetimeValue(orders, { asOf: '2025-12-31', lifespanYears: 1 });
    expect(sut.explanation).toMatch(
      /^3 customers spent 5000 on average so far; at their order value and frequency over 1 years, a customer is worth about \d+\.$/,
    );
  });

  it('spells money with the formatter it is given', () => {
    const euros = (minor: number) => `€${(minor / 100).toFixed(2)}`;
    expect(lifetimeValue(orders, { asOf: '2025-12-31', format: euros }).explanation).toMatch(
      /^3 customers spent €50\.00 on average so far;.* about €\d+\.\d\d\.$/,
    );
  });

  it.each([
    ['empty', []],
    ['single-point', [order('x', 's', '2025-05-05', 100)]],
    ['all-zero', [order('x', 's', '2025-05-05', 0), order('y', 't', '2025-05-05', 0)]],
  ])('handles %s input', (_, input) => {
    expectAllFinite(lifetimeValue(input, { asOf: '2025-05-05' }));
  });

  it('never returns NaN or Infinity', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((offset) => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
    const input = fc.array(
      fc.record({
        customerId: fc.constantFrom('a', 'b', 'c'),
        saleId: fc.string({ maxLength: 3 }),
        date: day,
        revenueMinor: fc.integer({ min: -1e6, max: 1e7 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(fc.property(input, day, (orders, asOf) => expectAllFinite(lifetimeValue(orders, { asOf }))));
  });
});
