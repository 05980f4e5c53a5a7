import Fastify, { type FastifyInstance } from 'fastify';
import { installCors } from './cors';

const WEB = 'https://shop.example';

describe('CORS', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    installCors(app, { origins: [WEB, 'https://till.example'], exposedHeaders: ['x-request-id'] });
    app.get('/ok', async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  const corsHeaders = (headers: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('access-control-') || name === 'vary'));

  it('adds nothing but Vary to a request that names no origin', async () => {
    const response = await app.inject({ url: '/ok' });
    expect(corsHeaders(response.headers)).toEqual({ vary: 'Origin' });
  });

  it('lets an allowed origin read the answer with credentials and the exposed headers', async () => {
    const response = await app.inject({ url: '/ok', headers: { origin: WEB } });
    expect(corsHeaders(response.headers)).toEqual({
      vary: 'Origin',
      'access-control-allow-origin': WEB,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-request-id',
    });
  });

  it('does not allow any other origin', async () => {
    const response = await app.inject({ url: '/ok', headers: { origin: 'https://evil.example' } });
    expect(corsHeaders(response.headers)).toEqual({ vary: 'Origin' });
  });

  it('answers an allowed preflight with 204, the methods and the headers asked for, before any route', async () => {
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/sales',
      headers: { origin: WEB, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(corsHeaders(response.headers)).toEqual({
      vary: 'Origin, Access-Control-Request-Headers',
      'access-control-allow-origin': WEB,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-request-id',
      'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
      'access-control-allow-headers': 'authorization, content-type, idempotency-key',
    });
  });

  it("answers another origin's preflight without allowing it", async () => {
    const response = await app.inject({ method: 'OPTIONS', url: '/ok', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses an OPTIONS request that is not a preflight', async () => {
    expect((await app.inject({ method: 'OPTIONS', url: '/ok' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'OPTIONS', url: '/ok', headers: { origin: WEB } })).statusCode).toBe(400);
  });
});
