import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { HostResolver } from '@kassa/api/webhooks';
import { eventually } from '@kassa/testing';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';
import { WebhookReceiver } from './webhook-receiver';

describe('webhook endpoints, with private targets refused', () => {
  let api: TestApi;
  let shop: TenantFixture;
  let receiver: WebhookReceiver;
  const http = () => request(api.app.getHttpServer());
  const create = (body: object) => http().post('/api/v1/webhooks').set(bearer(shop.owner.accessToken)).send(body);

  beforeAll(async () => {
    api = await startTestApi({ env: { WEBHOOK_RETRY_SCHEDULE_MS: '0' } });
    shop = await createTenant(api.app, 'Hooks');
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver.close();
    await api.close();
  });
  afterEach(() => jest.restoreAllMocks());

  it('shows the secret once at creation, and never in lists, reads or the audit log', async () => {
    const created = expectStatus(
      await create({ url: 'https://93.184.215.14/hooks', events: ['sale.created', 'stock.low'], description: 'Books', headers: { 'X-Api-Token': 't0p' } }),
      201,
    ).body;
    expect(created).toMatchObject({
      url: 'https://93.184.215.14/hooks',
      events: ['sale.created', 'stock.low'],
      description: 'Books',
      enabled: true,
      version: 1,
    });
    expect(created.secret).toMatch(/^whsec_/);
    const read = expectStatus(await http().get(`/api/v1/webhooks/${created.id}`).set(bearer(shop.owner.accessToken)), 200);
    const listed = expectStatus(await http().get('/api/v1/webhooks').set(bearer(shop.owner.accessToken)), 200).body.items;
    const rotated = expectStatus(await http().post(`/api/v1/webhooks/${created.id}/rotate-secret`).set(bearer(shop.owner.accessToken)), 200).body;
    const audit = await ownerQuery(api, `SELECT changes, metadata FROM audit_log WHERE entity_id = $1`, [created.id]);
    expect(read.body).not.toHaveProperty('secret');
    expect(read.headers.etag).toBe('"1"');
    expect(listed.find((item: { id: string }) => item.id === created.id)).not.toHaveProperty('secret');
    expect(audit).toHaveLength(2);
    const stored = JSON.stringify(audit);
    for (const secret of [created.secret, rotated.secret, 'whsec_', 't0p']) expect(stored).not.toContain(secret);
  });

  it('updates with If-Match, refusing a stale version with 412', async () => {
    const created = expectStatus(await create({ url: 'https://93.184.215.14/a', events: ['*'] }), 201).body;
    const updated = expectStatus(
      await http()
        .patch(`/api/v1/webhooks/${created.id}`)
        .set(bearer(shop.owner.accessToken))
        .set('if-match', '"1"')
        .send({ enabled: false, description: 'Paused' }),
      200,
    ).body;
    expect(updated).toMatchObject({ enabled: false, description: 'Paused', version: 2 });
    const stale = await http().patch(`/api/v1/webhooks/${created.id}`).set(bearer(shop.owner.accessToken)).set('if-match', '"1"').send({ enabled: true });
    expect(stale.status).toBe(412);
    expectStatus(await http().delete(`/api/v1/webhooks/${created.id}`).set(bearer(shop.owner.accessToken)), 204);
    expect((await http().get(`/api/v1/webhooks/${created.id}`).set(bearer(shop.owner.accessToken))).body.code).toBe(ErrorCode.WebhookNotFound);
  });

  it.each([
    [{ url: 'ftp://93.184.215.14/x', events: ['*'] }, 'url'],
    [{ url: 'https://user:pass@93.184.215.14/x', events: ['*'] }, 'url'],
    [{ url: 'https://93.184.215.14/x', events: ['sale.exploded'] }, 'events'],
    [{ url: 'https://93.184.215.14/x', events: [] }, 'events'],
    [{ url: 'https://93.184.215.14/x', events: ['*'], headers: { 'Webhook-Signature': 'forged' } }, 'headers'],
    [{ url: 'https://93.184.215.14/x', events: ['*'], headers: { 'X-Bad': 'a\r\nb' } }, 'headers'],
    [{ url: 'https://93.184.215.14/x', events: ['*'], secret: 'whsec_mine' }, 'secret'],
  ])('refuses the bad input %j, naming %s', async (body, field) => {
    const response = await create(body);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it.each([
    'http://127.0.0.1/hook',
    'http://[::1]/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://10.0.0.1/hook',
    'http://localhost/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::127.0.0.1]/hook',
    'http://[::7f00:1]/hook',
    'http://[::ffff:0:7f00:1]/hook',
    'http://[64:ff9b::a9fe:a9fe]/latest/meta-data',
    'http://[2002:a00:1::1]/hook',
    'http://[2001:0:7f00:1::1]/hook',
  ])('refuses the private target %s at creation with webhook_target_forbidden', async (url) => {
    const response = await create({ url, events: ['*'] });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: ErrorCode.WebhookTargetForbidden, errors: [{ field: 'url' }] });
  });

  it('refuses a private target again at delivery time, sending nothing', async () => {
    // As if it was registered while private targets were allowed.
    const id = uuidv7();
    await ownerQuery(api, `INSERT INTO webhook_endpoint (tenant_id, id, url, event_types, secret) VALUES ($1, $2, $3, '{*}', 'whsec_AAAA')`, [
      shop.id,
      id,
      `http://[::ffff:127.0.0.1]:${receiver.port}/hook`,
    ]);
    const ping = expectStatus(await http().post(`/api/v1/webhooks/${id}/test`).set(bearer(shop.owner.accessToken)), 202).body;
    const log = await eventually(
      async () => expectStatus(await http().get(`/api/v1/webhooks/deliveries/${ping.id}`).set(bearer(shop.owner.accessToken)), 200).body,
      (body) => body.status === 'failed',
    );
    expect(log.attempts).toEqual([expect.objectContaining({ statusCode: null, error: expect.stringMatching(/private/) })]);
    expect(receiver.received).toHaveLength(0);
  });

  it.each(['127.0.0.1', '::7f00:1', '::ffff:0:7f00:1'])(
    'refuses at delivery a name that resolved to a public address at creation and to %s later',
    async (rebound) => {
      const resolve = jest.spyOn(api.app.get(HostResolver), 'resolve').mockResolvedValueOnce(['93.184.215.14']).mockResolvedValue([rebound]);
      const created = expectStatus(await create({ url: `http://rebinding.example:${receiver.port}/hook`, events: ['*'] }), 201).body;
      const ping = expectStatus(await http().post(`/api/v1/webhooks/${created.id}/test`).set(bearer(shop.owner.accessToken)), 202).body;
      const log = await eventually(
        async () => expectStatus(await http().get(`/api/v1/webhooks/deliveries/${ping.id}`).set(bearer(shop.owner.accessToken)), 200).body,
        (body) => body.status === 'failed',
      );
      expect(resolve).toHaveBeenCalledWith('rebinding.example');
      expect(log.attempts).toEqual([expect.objectContaining({ statusCode: null, error: expect.stringMatching(/rebinding\.example resolves to a private/) })]);
      expect(receiver.received).toHaveLength(0);
    },
  );
});
