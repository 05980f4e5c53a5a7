import { settleDroppedSubscriptions } from './socket-adapter-redis';

describe('settleDroppedSubscriptions', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const connectionAnswering = (reply: () => Promise<unknown>) => {
    const connection = { sSubscribe: jest.fn(reply), sUnsubscribe: jest.fn(reply) };
    settleDroppedSubscriptions(connection as never, Promise.resolve());
    return connection as unknown as { sSubscribe(channel: string): Promise<unknown>; sUnsubscribe(channel: string): Promise<unknown> };
  };

  const outcome = (promise: Promise<unknown>) => {
    const seen = { value: 'pending' };
    promise.then(
      () => (seen.value = 'resolved'),
      () => (seen.value = 'rejected'),
    );
    return seen;
  };

  it('counts an unsubscribe that is never answered (a node lost in a failover) as done after 2 s, so a close awaiting it ends', async () => {
    const connection = connectionAnswering(() => new Promise(() => undefined));
    const unsubscribed = outcome(connection.sUnsubscribe('kassa:socket.io#/#t:1#'));
    await jest.advanceTimersByTimeAsync(1_999);
    expect(unsubscribed.value).toBe('pending');
    await jest.advanceTimersByTimeAsync(1);
    expect(unsubscribed.value).toBe('resolved');
  });

  it('counts a failed unsubscribe as done: the connection closes next anyway', async () => {
    const connection = connectionAnswering(() => Promise.reject(new Error('The client is closed')));
    await expect(connection.sUnsubscribe('kassa:socket.io#/#t:1#')).resolves.toBeUndefined();
  });

  it('sends subscribes and unsubscribes only once the connection is ready', async () => {
    let ready!: () => void;
    const sent: string[] = [];
    const connection = {
      sSubscribe: async (channel: string) => void sent.push(`SSUBSCRIBE ${channel}`),
      sUnsubscribe: async (channel: string) => void sent.push(`SUNSUBSCRIBE ${channel}`),
    };
    settleDroppedSubscriptions(connection as never, new Promise<void>((resolve) => (ready = resolve)));
    const subscribed = outcome(connection.sSubscribe('a'));
    const unsubscribed = outcome(connection.sUnsubscribe('b'));
    await jest.advanceTimersByTimeAsync(100);
    expect(sent).toEqual([]);
    ready();
    await jest.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['SSUBSCRIBE a', 'SUNSUBSCRIBE b']);
    expect([subscribed.value, unsubscribed.value]).toEqual(['resolved', 'resolved']);
  });
});
