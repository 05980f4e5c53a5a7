import { PURCHASE_ORDER_STATUSES } from '@kassa/contracts';
import { PURCHASE_ORDER_ACTIONS, transition } from './purchase-order-states';

describe('the purchase order state machine', () => {
  const allowed = new Map([
    ['draft submit', 'submitted'],
    ['draft cancel', 'cancelled'],
    ['submitted approve', 'approved'],
    ['submitted reject', 'rejected'],
    ['submitted cancel', 'cancelled'],
    ['rejected reopen', 'draft'],
    ['approved order', 'ordered'],
    ['approved cancel', 'cancelled'],
    ['ordered close', 'closed'],
    ['partially_received close', 'closed'],
  ]);

  it('allows exactly the transitions of the issue and refuses every other pair', () => {
    for (const status of PURCHASE_ORDER_STATUSES) {
      for (const action of PURCHASE_ORDER_ACTIONS) {
        expect([status, action, transition(status, action)]).toEqual([status, action, allowed.get(`${status} ${action}`) ?? null]);
      }
    }
  });
});
