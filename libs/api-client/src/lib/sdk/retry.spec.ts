import { retryAfterMs, retryingFetch } from './retry';

describe('retryingFetch', () => {
  const answers = (...statuses: [number, Record<string, string>?][]) => {
    const sent: string[] = [];
    const fetchImpl = jest.fn(async (request: Request) => {
      sent.push(await request.text());
      const [status, headers] = statuses.shift() ?? [200];
      return new Response(status === 204 ? null : '{}', { status, headers });
    }) as unknown as typeof fetch;
    return { fetchImpl, sent };
  };

  it('tries a 429 and a 503 again after the Retry-After they name, with the same body', async () => {
    const { fetchImpl, sent } = answers([429, { 'retry-after': '2' }], [503, { 'retry-after': '1' }], [201]);
    const waits: number[] = [];
    const send = retryingFetch(fetchImpl, { sleep: async (ms) => void waits.push(ms) });
    const response = await send(new Request('https://api.kassa.test/api/v1/sales', { method: 'POST', body: '{"id":"x"}' }));
    expect(response.status).toBe(201);
    expect(waits).toEqual([2000, 1000]);
    expect(sent).toEqual(['{"id":"x"}', '{"id":"x"}', '{"id":"x"}']);
  });

  it('backs off without Retry-After, and gives up after maxRetries answering the last response', async () => {
    const { fetchImpl } = answers([503], [503], [503]);
    const waits: number[] = [];
    const response = await retryingFetch(fetchImpl, { maxRetries: 2, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) })(
      new Request('https://api.kassa.test/'),
    );
    expect(response.status).toBe(503);
    expect(waits).toEqual([100, 200]);
  });

  it('does not retry other errors', async () => {
    const { fetchImpl } = answers([409], [200]);
    expect((await retryingFetch(fetchImpl)(new Request('https://api.kassa.test/'))).status).toBe(409);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
