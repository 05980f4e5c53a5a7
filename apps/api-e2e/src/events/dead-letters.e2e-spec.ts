import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { eventually } from '@kassa/testing';
import { EventsProbeModule, installEventsProbeTables, ProbeConsumer } from '../support/events-probe.module';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

describe('dead letters', () => {
  let api: TestApi;
  let shop: TenantFixture;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi({
      probeModules: [EventsProbeModule],
      env: { OUTBOX_MAX_ATTEMPTS: '3', OUTBOX_RETRY_BACKOFF_MS: '20', OUTBOX_POLL_MS: '200' },
    });
    await installEventsProbeTables(api.database.url);
    shop = await createTenant(api.app, 'Echo');
  });
  afterAll(() => api.close());

  it('keeps a delivery that failed every attempt, and delivers it again on an owner retry', async () => {
    const consumer = api.app.get(ProbeConsumer);
    consumer.failing = true;
    const { eventId } = expectStatus(
      await http().post('/api/v1/e2e-probe/events/bump').set(bearer(shop.owner.accessToken)).send({ aggregateId: uuidv7() }),
      201,
    ).body;
    const list = await eventually(
      async () => expectStatus(await http().get('/api/v1/admin/dead-letters').set(bearer(shop.owner.accessToken)), 200).body,
      (page) => page.items.length === 1,
    );
    expect(list.items[0]).toMatchObject({
      eventId,
      eventType: 'product.updated',
      consumer: 'e2e-probe',
      attempts: 3,
      lastError: expect.stringContaining('failed on purpose'),
      retriedAt: null,
    });

    consumer.failing = false;
    const retried = expectStatus(await http().post(`/api/v1/admin/dead-letters/${list.items[0].id}/retry`).set(bearer(shop.owner.accessToken)), 202).body;
    expect(retried.retriedAt).toEqual(expect.any(String));
    await eventually(
      () => ownerQuery(api, `SELECT 1 FROM probe_effect WHERE event_id = $1`, [eventId]),
      (rows) => rows.length === 1,
    );
    expect(expectStatus(await http().get('/api/v1/admin/dead-letters').set(bearer(shop.owner.accessToken)), 200).body.items).toEqual([]);
  });

  it('answers an unknown or already retried dead letter with 404 dead_letter_not_found', async () => {
    const response = await http().post(`/api/v1/admin/dead-letters/${uuidv7()}/retry`).set(bearer(shop.owner.accessToken));
    expect(response.status).toBe(404);
    expect(response.body.code).toBe(ErrorCode.DeadLetterNotFound);
  });

  it('is for owners only', async () => {
    expect((await http().get('/api/v1/admin/dead-letters').set(bearer(shop.manager.accessToken))).status).toBe(403);
  });
});
