import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { eventually } from '@kassa/testing';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { MonitoringProbeModule } from '../support/monitoring-probe.module';
import { startTestApi, TestApi } from '../support/test-api';

/** Stands in for Sentry: keeps every envelope posted to it. */
async function startReceiver(): Promise<{ server: Server; url: string; envelopes: { path: string; body: string }[] }> {
  const envelopes: { path: string; body: string }[] = [];
  const read = (incoming: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve(Buffer.concat(chunks)));
    });
  const server = createServer(async (incoming, response) => {
    const raw = await read(incoming);
    envelopes.push({ path: incoming.url ?? '', body: (incoming.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8') });
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, envelopes };
}

describe('forwarding errors to Sentry', () => {
  let api: TestApi;
  let shop: TenantFixture;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    const dsn = receiver.url.replace('http://', 'http://publickey@') + '/42';
    api = await startTestApi({ env: { SENTRY_DSN: dsn }, probeModules: [MonitoringProbeModule] });
    shop = await createTenant(api.app, 'Sentried');
  });
  afterAll(async () => {
    await api.close();
    receiver.server.close();
  });

  it('sends an envelope for an unexpected error, with its context and without credentials', async () => {
    expectStatus(await request(api.app.getHttpServer()).get('/api/v1/e2e-probe/monitoring/boom').set(bearer(shop.owner.accessToken)), 500);
    const [envelope] = await eventually(
      async () => receiver.envelopes.filter((item) => item.body.includes('TypeError')),
      (found) => found.length > 0,
    );
    expect(envelope.path).toMatch(/^\/api\/42\/envelope\//);
    expect(envelope.body).toContain('/api/v1/e2e-probe/monitoring/boom');
    expect(envelope.body).toContain(shop.id);
    for (const secret of [shop.owner.accessToken, 'hunter2', 'eyJhbGciOi', shop.owner.refreshToken]) expect(envelope.body).not.toContain(secret);
    expect(envelope.body).not.toMatch(/authorization|cookie|127\.0\.0\.1"/i);
  });
});
