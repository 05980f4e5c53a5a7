import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { bearer, createTenant, expectStatus } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';
import { HttpProbeModule } from './http-probe.module';

describe('HTTP conventions', () => {
  let api: TestApi;
  const http = () => request(api.app.getHttpServer());
  const validOrder = { name: 'Morning delivery', lines: [{ sku: 'MILK-1L', quantity: 2 }] };

  beforeAll(async () => {
    api = await startTestApi({ probeModules: [HttpProbeModule], env: { WEB_ORIGIN: 'http://shop.test:3001' } });
  });
  afterAll(() => api.close());

  function expectProblem(response: request.Response, status: number, code: ErrorCode) {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, code, type: 'about:blank' });
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
    expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  }

  it('accepts a valid body and returns it', async () => {
    const response = await http().post('/api/v1/e2e-probe/orders').send(validOrder);
    expect(response.status).toBe(201);
    expect(response.body).toEqual(validOrder);
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    const response = await http().post('/api/v1/e2e-probe/orders').set('content-type', 'application/json').send('{"name": "Morning delivery",');
    expectProblem(response, 400, ErrorCode.MalformedJson);
  });

  it('takes an empty body declared as JSON as no body: a bodiless DELETE succeeds, a route that needs a body names its fields', async () => {
    const shop = await createTenant(api.app, 'Bodiless');
    const product = expectStatus(
      await http().post('/api/v1/products').set(bearer(shop.owner.accessToken)).send({ sku: 'B-1', name: 'B', priceMinor: 1 }),
      201,
    ).body;
    expectStatus(await http().delete(`/api/v1/products/${product.id}`).set(bearer(shop.owner.accessToken)).set('content-type', 'application/json'), 204);
    const empty = await http().post('/api/v1/e2e-probe/orders').set('content-type', 'application/json').send('');
    expectProblem(empty, 400, ErrorCode.ValidationFailed);
    expect(empty.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['name', 'lines']));
  });

  it('refuses an unknown field and names it', async () => {
    const response = await http()
      .post('/api/v1/e2e-probe/orders')
      .send({ ...validOrder, discountPercent: 100 });
    expectProblem(response, 400, ErrorCode.ValidationFailed);
    expect(response.body.errors).toEqual([{ field: 'discountPercent', message: expect.stringMatching(/should not exist/) }]);
  });

  it('refuses a wrong type and names the field, with its path inside nested objects', async () => {
    const response = await http()
      .post('/api/v1/e2e-probe/orders')
      .send({ name: 42, lines: [{ sku: 'MILK-1L', quantity: 'two' }] });
    expectProblem(response, 400, ErrorCode.ValidationFailed);
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'lines.0.quantity']));
  });

  it('answers an unknown route with 404 problem+json', async () => {
    expectProblem(await http().get('/api/v1/no-such-thing'), 404, ErrorCode.NotFound);
  });

  it('answers an unexpected failure with a generic 500 that reveals nothing', async () => {
    const response = await http().get('/api/v1/e2e-probe/crash');
    expectProblem(response, 500, ErrorCode.InternalError);
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
  });

  it('breaks the connection when a streamed answer fails midway, instead of leaving the client waiting', async () => {
    const outcome = await http()
      .get('/api/v1/e2e-probe/crash-mid-stream')
      .timeout(5_000)
      .then(
        () => 'completed',
        (error: { timeout?: number; code?: string }) => (error.timeout ? 'timed out' : 'connection broken'),
      );
    expect(outcome).toBe('connection broken');
  });

  it('answers a constraint the database enforced with a 4xx, not a 500', async () => {
    expectProblem(await http().post('/api/v1/e2e-probe/second-installation'), 409, ErrorCode.Conflict);
  });

  it('gives every response an x-request-id, keeping a sane one the caller sent', async () => {
    const minted = await http().get('/health/live');
    expect(minted.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await http().get('/health/live').set('x-request-id', 'edge-7f3a.1');
    expect(kept.headers['x-request-id']).toBe('edge-7f3a.1');
    const replaced = await http().get('/health/live').set('x-request-id', 'bad id with spaces');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends OWASP's REST security headers with JSON and helmet's document set with the API docs page", async () => {
    const json = await http().get('/health/live');
    expect(json.headers['x-content-type-options']).toBe('nosniff');
    expect(json.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(json.headers['x-xss-protection']).toBeUndefined();
    const page = await http().get('/api/docs');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('allows the configured web origin and no other', async () => {
    const allowed = await http().get('/health/live').set('origin', 'http://shop.test:3001');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://shop.test:3001');
    const other = await http().get('/health/live').set('origin', 'http://evil.test');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('publishes the OpenAPI document and its docs page', async () => {
    const document = await http().get('/api/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body.info.title).toBe('Kassa API');
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/health/ready', '/api/v1/system']));
    const docs = await http().get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger');
  });
});
