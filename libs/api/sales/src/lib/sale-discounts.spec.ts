import { Discount, priceSale, ROLE_PERMISSIONS } from '@kassa/contracts';
import type { RequestContext } from '@kassa/api/http';
import { DiscountGrant, discountsBeyondGrant, saleDiscountGrant } from './sale-discounts';

const limits = { manager: 2_000, cashier: 500 };
const grant = (allowanceBps: number | null): DiscountGrant => ({ grantedBy: { type: 'user', id: 'u' }, allowanceBps, approvedBy: null });
const contextOf = (actor: RequestContext['actor']) => ({ actor }) as RequestContext;

/** Two 10.00 lines with these line discounts, and this sale discount. */
const priced = (lineDiscounts: (Discount | undefined)[], discount?: Discount) =>
  priceSale({
    lines: lineDiscounts.map((lineDiscount) => ({ unitPriceMinor: 1_000, quantity: 1, taxRateBps: 0, discount: lineDiscount })),
    discount,
    pricesIncludeTax: true,
  });

describe('saleDiscountGrant', () => {
  it("is the seller's own: a cashier's within the cashier limit, an API key's by its scope", () => {
    expect(saleDiscountGrant(contextOf({ kind: 'user', userId: 'c', role: 'cashier', storeIds: [], permissions: ROLE_PERMISSIONS.cashier }), limits)).toEqual({
      grantedBy: { type: 'user', id: 'c' },
      allowanceBps: 500,
      approvedBy: null,
    });
    expect(saleDiscountGrant(contextOf({ kind: 'api_key', apiKeyId: 'k', permissions: ['sales:create', 'sales:discount'] }), limits)).toEqual({
      grantedBy: { type: 'api_key', id: 'k' },
      allowanceBps: 2_000,
      approvedBy: null,
    });
    expect(
      saleDiscountGrant(contextOf({ kind: 'user', userId: 'o', role: 'owner', storeIds: [], permissions: ROLE_PERMISSIONS.owner }), limits).allowanceBps,
    ).toBeNull();
  });

  const cashier = contextOf({ kind: 'user', userId: 'c', role: 'cashier', storeIds: ['s1'], permissions: ROLE_PERMISSIONS.cashier });

  it("is an approver's when their allowance is wider and they work in the sale's store", () => {
    expect(saleDiscountGrant(cashier, limits, { approver: { userId: 'm', role: 'manager', storeIds: [] }, storeId: 's1' })).toEqual({
      grantedBy: { type: 'user', id: 'm' },
      allowanceBps: 2_000,
      approvedBy: 'm',
    });
    expect(saleDiscountGrant(cashier, limits, { approver: { userId: 'o', role: 'owner', storeIds: [] }, storeId: 's1' }).allowanceBps).toBeNull();
  });

  it("stays the seller's when the approver's allowance is no wider, or they work in other stores", () => {
    expect(saleDiscountGrant(cashier, limits, { approver: { userId: 'c2', role: 'cashier', storeIds: [] }, storeId: 's1' }).approvedBy).toBeNull();
    expect(saleDiscountGrant(cashier, limits, { approver: { userId: 'm', role: 'manager', storeIds: ['s2'] }, storeId: 's1' }).approvedBy).toBeNull();
  });
});

describe('discountsBeyondGrant', () => {
  it('names nothing within the allowance, or without one', () => {
    expect(discountsBeyondGrant(priced([{ percentBps: 500 }, undefined], { percentBps: 200 }), grant(500))).toEqual([]);
    expect(discountsBeyondGrant(priced([{ percentBps: 10_000 }, { percentBps: 10_000 }]), grant(null))).toEqual([]);
  });

  it('names the sale discount when the line discounts alone fit', () => {
    expect(discountsBeyondGrant(priced([{ amountMinor: 50 }, undefined], { amountMinor: 51 }), grant(500))).toEqual(['discount']);
  });

  it('names every discounted line when the line discounts alone go beyond it', () => {
    expect(discountsBeyondGrant(priced([{ amountMinor: 60 }, { amountMinor: 50 }], { percentBps: 100 }), grant(500))).toEqual([
      'lines.0.discount',
      'lines.1.discount',
    ]);
    expect(discountsBeyondGrant(priced([undefined, { amountMinor: 1 }]), grant(0))).toEqual(['lines.1.discount']);
  });
});
