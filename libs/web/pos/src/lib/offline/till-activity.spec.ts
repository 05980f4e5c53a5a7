import { mayUpdate } from './till-activity';

describe('mayUpdate', () => {
  it('lets a new version in only with an empty cart, nothing in progress and nothing waiting to be sent', () => {
    const idle = { cartLines: 0, busy: false, waiting: 0 };
    expect(mayUpdate(idle)).toBe(true);
    expect(mayUpdate({ ...idle, cartLines: 1 })).toBe(false);
    expect(mayUpdate({ ...idle, busy: true })).toBe(false);
    expect(mayUpdate({ ...idle, waiting: 3 })).toBe(false);
  });
});
