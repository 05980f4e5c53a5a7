import { createApiClient } from './api-client';

const readyReport = { status: 'ok', info: {}, error: {}, details: { database: { status: 'up' } } };

function fakeFetch(respond: (request: Request) => Response | Promise<Response>): typeof fetch {
  return ((input: Request) => Promise.resolve().then(() => respond(input))) as typeof fetch;
}

describe('ApiClient.readiness', () => {
  it('reports up when /health/ready answers 200', async () => {
    const sut = createApiClient({
      baseUrl: 'http://api.test/',
      fetch: fakeFetch((request) => {
        expect(request.url).toBe('http://api.test/health/ready');
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

describe('ApiClient.http', () => {
  it('sends the credential as a bearer token and reads the typed body', async () => {
    const seen: Request[] = [];
    const sut = createApiClient({
      baseUrl: 'http://api.test',
      credential: () => 'kas_secret',
      fetch: fakeFetch((request) => {
        seen.push(request);
        return Response.json({ items: [{ id: 's1', name: 'Main', code: 'MAIN', version: 1, createdAt: '2026-01-01T00:00:00Z' }], nextCursor: null });
      }),
    });
    const { data } = await sut.http.GET('/api/v1/stores');
    expect(seen[0].headers.get('authorization')).toBe('Bearer kas_secret');
    expect(data?.items.map((store) => store.code)).toEqual(['MAIN']);
  });

  it('returns the problem document of a failed request as its error', async () => {
    const problem = { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'unauthorized' };
    const sut = createApiClient({
      baseUrl: 'http://api.test',
      fetch: fakeFetch(() => new Response(JSON.stringify(problem), { status: 401, headers: { 'content-type': 'application/problem+json' } })),
    });
    const { data, error, response } = await sut.http.GET('/api/v1/me');
    expect(response.status).toBe(401);
    expect(data).toBeUndefined();
    expect(error).toEqual(problem);
  });
});
