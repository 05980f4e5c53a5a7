import { EndpointSlots } from './endpoint-slots';

describe('EndpointSlots', () => {
  it('never lets more requests out per endpoint than its cap, and hands a freed slot to a waiting one', async () => {
    const slots = new EndpointSlots(2);
    expect(await Promise.all([slots.acquire('a'), slots.acquire('a'), slots.acquire('b')])).toEqual([true, true, true]);
    const waiting = slots.acquire('a');
    slots.release('a');
    expect(await waiting).toBe(true);
    const late = slots.acquire('a');
    expect(await late).toBe(false); // nothing freed within the wait: the delivery gives its queue slot back
    slots.release('a');
    slots.release('a');
    expect(await Promise.all([slots.acquire('a'), slots.acquire('a')])).toEqual([true, true]);
  });
});
