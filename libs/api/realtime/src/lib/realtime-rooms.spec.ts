import type { EventEnvelope } from '@kassa/contracts';
import { roomsFor, roomsOf, STORE_EVENT_TYPES, TENANT_EVENT_TYPES } from './realtime-rooms';

const event = (type: EventEnvelope['type'], data: Record<string, unknown> = {}) => ({ type, tenantId: 't1', data });

describe('roomsOf', () => {
  it('puts a user of every store in the tenant, their own and the all-stores room', () => {
    expect(roomsOf({ tenantId: 't1', userId: 'u1', storeIds: [] })).toEqual(['tenant:t1', 'user:u1', 'tenant:t1:all-stores']);
  });

  it('puts a store-limited user in their stores only, never the all-stores room', () => {
    expect(roomsOf({ tenantId: 't1', userId: 'u2', storeIds: ['s1', 's2'] })).toEqual(['tenant:t1', 'user:u2', 'store:s1', 'store:s2']);
  });
});

describe('roomsFor', () => {
  it('sends catalog and customer events to the whole shop', () => {
    expect(roomsFor(event('product.updated'))).toEqual(['tenant:t1']);
    expect(roomsFor(event('customer.created'))).toEqual(['tenant:t1']);
  });

  it("sends a store's sales, payments and stock to that store and to members of every store", () => {
    for (const type of [
      'sale.created',
      'payment.received',
      'stock.low',
      'stock.adjusted',
      'purchase_order.received',
      'shift.closed',
      'cash.discrepancy',
    ] as const) {
      expect(roomsFor(event(type, { storeId: 's1' }))).toEqual(['store:s1', 'tenant:t1:all-stores']);
    }
  });

  it('keeps a store event without its store away from store-limited members', () => {
    expect(roomsFor(event('sale.voided'))).toEqual(['tenant:t1:all-stores']);
  });

  it('pushes nothing for events meant for notifications only', () => {
    expect(roomsFor(event('webhook.disabled', { storeId: 's1' }))).toEqual([]);
  });

  it('maps every pushed type to exactly one audience', () => {
    expect(TENANT_EVENT_TYPES.filter((type) => STORE_EVENT_TYPES.includes(type))).toEqual([]);
  });
});
