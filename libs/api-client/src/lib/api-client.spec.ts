import { createApiClient } from './api-client';

const readyReport = { status: 'ok', info: {}, error: {}, details: { database: { status: 'up' } } };

function fakeFetch(respond: (url: string) => Response | Promise<Response>): typeof fetch {
  return ((input: string | URL | Request) => Promise.resolve(respond(String(input)))) as typeof fetch;
}

describe('ApiClient.readiness', () => {
  it('reports up when /health/ready answers 200', async () => {
    const sut = createApiClient({
      baseUrl: 'http://api.test/',
      fetch: fakeFetch((url) => {
        expect(url).toBe('http://api.test/health/ready');
        return new Response(JSON.stringify(readyReport), { status: 200 });
      }),
    });
    expect(await sut.readiness()).toEqual({ state: 'up', report: readyReport });
  });

  it('reports degraded with the failing part when it answers 503', async () => {
    const report = { status: 'error', details: { database: { status: 'down' } } };
    const sut = createApiClient({
      baseUrl: 'http://api.test',
      fetch: fakeFetch(() => new Response(JSON.stringify(report), { status: 503 })),
    });
    expect(await sut.readiness()).toEqual({ state: 'degraded', report });
  });

  it('reports unreachable when the request fails', async () => {
    const sut = createApiClient({
      baseUrl: 'http://api.test',
      fetch: fakeFetch(() => Promise.reject(new TypeError('fetch failed'))),
    });
    expect(await sut.readiness()).toEqual({ state: 'unreachable', reason: 'fetch failed' });
  });
});
