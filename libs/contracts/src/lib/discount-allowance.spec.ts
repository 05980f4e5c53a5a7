import fc from 'fast-check';
import { discountAllowanceBps, DiscountLimits, isDiscountWithin } from './discount-allowance';
import { ROLE_PERMISSIONS } from './permissions';
import { priceSale } from './pricing';

const limits: DiscountLimits = { manager: 2_000, cashier: 500 };

describe('discountAllowanceBps', () => {
  it('leaves owners unlimited whatever the shop sets', () => {
    expect(discountAllowanceBps({ role: 'owner', permissions: ROLE_PERMISSIONS.owner }, { manager: 0, cashier: 0 })).toBeNull();
  });

  it('gives managers the manager limit and cashiers the cashier limit', () => {
    expect(discountAllowanceBps({ role: 'manager', permissions: ROLE_PERMISSIONS.manager }, limits)).toBe(2_000);
    expect(discountAllowanceBps({ role: 'cashier', permissions: ROLE_PERMISSIONS.cashier }, limits)).toBe(500);
  });

  it('gives an API key the manager limit only when it is scoped with sales:discount', () => {
    expect(discountAllowanceBps({ permissions: ['sales:create', 'sales:discount'] }, limits)).toBe(2_000);
    expect(discountAllowanceBps({ permissions: ['sales:create'] }, limits)).toBe(500);
    expect(discountAllowanceBps({ permissions: ROLE_PERMISSIONS.owner }, limits)).toBe(2_000);
  });
});

describe('isDiscountWithin', () => {
  it('allows 50 off 1,000 at 5 % and refuses 51', () => {
    expect(isDiscountWithin(50, 1_000, 500)).toBe(true);
    expect(isDiscountWithin(51, 1_000, 500)).toBe(false);
  });

  it('refuses any discount at a limit of 0, and allows nothing off nothing', () => {
    expect(isDiscountWithin(1, 1_000, 0)).toBe(false);
    expect(isDiscountWithin(999, 1_000, 0)).toBe(false);
    expect(isDiscountWithin(0, 1_000, 0)).toBe(true);
    expect(isDiscountWithin(0, 0, 0)).toBe(true);
  });

  it('allows everything without a limit', () => {
    expect(isDiscountWithin(1_000, 1_000, null)).toBe(true);
  });

  it('lets a percentage discount of exactly the limit through despite its rounding', () => {
    const sut = priceSale({ lines: [{ unitPriceMinor: 99, quantity: 1, taxRateBps: 0, discount: { percentBps: 500 } }], pricesIncludeTax: true });
    expect(sut.discountMinor).toBe(5);
    expect(isDiscountWithin(sut.discountMinor, sut.subtotalMinor, 500)).toBe(true);
  });

  it('compares amounts near 2^53 exactly', () => {
    const gross = Number.MAX_SAFE_INTEGER; // 1 bps of it is 900,719,925,474.0991
    expect(isDiscountWithin(900_719_925_474, gross, 1)).toBe(true);
    expect(isDiscountWithin(900_719_925_475, gross, 1)).toBe(false);
  });

  it('never lets more than half a minor unit past the exact share, and refuses anything beyond it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (gross, bps, fraction) => {
          const discount = Math.floor(gross * fraction);
          const exact = BigInt(gross) * BigInt(bps);
          const scaled = BigInt(discount) * 10_000n;
          if (isDiscountWithin(discount, gross, bps)) expect(scaled <= exact + 5_000n).toBe(true);
          if (scaled <= exact) expect(isDiscountWithin(discount, gross, bps)).toBe(true);
        },
      ),
    );
  });

  it('always allows a single percentage discount no larger than the limit, on a line or the sale', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.boolean(),
        (prices, limit, percent, onTheSale) => {
          const percentBps = Math.min(percent, limit);
          const lines = prices.map((unitPriceMinor, index) => ({
            unitPriceMinor,
            quantity: 1,
            taxRateBps: 0,
            discount: !onTheSale && index === 0 ? { percentBps } : undefined,
          }));
          const sut = priceSale({ lines, discount: onTheSale ? { percentBps } : undefined, pricesIncludeTax: true });
          expect(isDiscountWithin(sut.discountMinor, sut.subtotalMinor, limit)).toBe(true);
        },
      ),
    );
  });
});
