import request from 'supertest';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Webhook } from 'standardwebhooks';
import { EventData, uuidv7 } from '@kassa/contracts';
import { TenantTransaction } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
import { eventually } from '@kassa/testing';
import { EventsProbeModule, installEventsProbeTables } from '../support/events-probe.module';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';
import { lostDelivery } from './lost-delivery';
import { ReceivedWebhook, ReceiverBehaviour, WebhookReceiver } from './webhook-receiver';

const TIMEOUT_MS = 3000;

describe('webhook delivery', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const receivers: WebhookReceiver[] = [];
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi({
      probeModules: [EventsProbeModule],
      env: {
        OUTBOX_POLL_MS: '200',
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_RETRY_SCHEDULE_MS: '0,200,200',
        WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
        WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT: '2',
        WEBHOOK_SWEEP_MS: '300',
      },
    });
    await installEventsProbeTables(api.database.url);
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await api.close();
  });

  async function receiver(behaviour?: ReceiverBehaviour): Promise<WebhookReceiver> {
    const started = await WebhookReceiver.start(behaviour);
    receivers.push(started);
    return started;
  }

  async function createWebhook(shop: TenantFixture, url: string, extra: object = {}): Promise<{ id: string; secret: string }> {
    return expectStatus(
      await http()
        .post('/api/v1/webhooks')
        .set(bearer(shop.owner.accessToken))
        .send({ url, events: ['product.updated'], ...extra }),
      201,
    ).body;
  }

  async function emit(shop: TenantFixture): Promise<string> {
    const response = await http().post('/api/v1/e2e-probe/events/bump').set(bearer(shop.owner.accessToken)).send({ aggregateId: uuidv7() });
    return expectStatus(response, 201).body.eventId;
  }

  /** The owners hear of a disabled endpoint through a `webhook.disabled` event. */
  type Notice = { aggregateId: string; data: Record<string, unknown> };
  async function ownerNotice(shop: TenantFixture, webhookId: string): Promise<Notice | undefined> {
    const events: Notice[] = await eventually(
      async () => expectStatus(await http().get('/api/v1/events?types=webhook.disabled').set(bearer(shop.owner.accessToken)), 200).body.items,
      (items: Notice[]) => items.some((event) => event.aggregateId === webhookId),
    );
    return events.find((event) => event.aggregateId === webhookId);
  }

  const arrivals = (target: WebhookReceiver, count: number) =>
    eventually(
      async () => target.received,
      (received) => received.length >= count,
    );

  const verify = (secret: string, webhook: ReceivedWebhook) =>
    new Webhook(secret).verify(webhook.body, {
      'webhook-id': String(webhook.headers['webhook-id']),
      'webhook-timestamp': String(webhook.headers['webhook-timestamp']),
      'webhook-signature': String(webhook.headers['webhook-signature']),
    });

  async function deliveriesOf(shop: TenantFixture, webhookId: string, query = '') {
    return expectStatus(await http().get(`/api/v1/webhooks/${webhookId}/deliveries${query}`).set(bearer(shop.owner.accessToken)), 200).body.items as {
      id: string;
      status: string;
      eventId: string;
      attemptCount: number;
    }[];
  }

  async function deliveryLog(shop: TenantFixture, deliveryId: string) {
    return expectStatus(await http().get(`/api/v1/webhooks/deliveries/${deliveryId}`).set(bearer(shop.owner.accessToken)), 200).body;
  }

  it('signs each delivery so the standardwebhooks package verifies it with the endpoint secret, and a tampered body fails', async () => {
    const target = await receiver();
    const webhook = await createWebhook(a, target.url, { headers: { 'X-Partner-Token': 'abc' } });
    expect(webhook.secret).toMatch(/^whsec_/);
    const eventId = await emit(a);
    const [delivered] = await arrivals(target, 1);
    expect(delivered.headers['webhook-id']).toBe(eventId);
    expect(delivered.headers['x-partner-token']).toBe('abc');
    expect(verify(webhook.secret, delivered)).toMatchObject({ id: eventId, type: 'product.updated', tenantId: a.id, sequence: expect.any(Number) });
    expect(() => verify(webhook.secret, { ...delivered, body: delivered.body.replace('product.updated', 'product.deleted') })).toThrow();
  });

  it('makes the first attempts at the deliveries of events relayed together in one job per endpoint', async () => {
    const target = await receiver();
    const webhook = await createWebhook(a, target.url);
    // One commit: one relay pass, one batch of the webhooks consumer, one job for the endpoint.
    const eventIds = await api.app.get(TenantTransaction).run(a.id, async (manager) => {
      const ids: string[] = [];
      for (let index = 0; index < 5; index++) {
        ids.push(
          await api.app.get(DomainEvents).record(
            { manager, tenantId: a.id },
            {
              type: 'product.updated',
              aggregateType: 'probe',
              aggregateId: uuidv7(),
              aggregateVersion: 1,
              data: { version: 1 } as unknown as EventData<'product.updated'>,
            },
          ),
        );
      }
      return ids;
    });
    const received = await arrivals(target, 5);
    expect(received.map((webhook) => webhook.headers['webhook-id']).sort()).toEqual([...eventIds].sort());
    const deliveries = await eventually(
      () => deliveriesOf(a, webhook.id),
      (items) => items.length === 5 && items.every((item) => item.status === 'succeeded'),
    );
    const queue = api.app.get<Queue>(getQueueToken('webhooks'));
    const jobs = (await queue.getJobs(['completed', 'active'])).filter((job) => job.name === 'deliveries' && job.data.endpointId === webhook.id);
    expect(jobs.map((job) => [...job.data.deliveryIds].sort())).toEqual([deliveries.map((delivery) => delivery.id).sort()]);
  });

  it('retries a receiver that answers 500 twice, and logs all three attempts under one webhook-id', async () => {
    const target = await receiver((index) => (index < 2 ? { status: 500, body: `failure ${index}` } : { status: 200, body: 'ok' }));
    const webhook = await createWebhook(a, target.url);
    const eventId = await emit(a);
    const [delivery] = await eventually(
      () => deliveriesOf(a, webhook.id),
      (items) => items[0]?.status === 'succeeded',
    );
    expect(target.received.map((received) => received.headers['webhook-id'])).toEqual([eventId, eventId, eventId]);
    const log = await deliveryLog(a, delivery.id);
    expect(log).toMatchObject({ eventId, status: 'succeeded', attemptCount: 3, payload: { id: eventId } });
    expect(
      log.attempts.map((attempt: { attempt: number; statusCode: number; responseExcerpt: string }) => [
        attempt.attempt,
        attempt.statusCode,
        attempt.responseExcerpt,
      ]),
    ).toEqual([
      [1, 500, 'failure 0'],
      [2, 500, 'failure 1'],
      [3, 200, 'ok'],
    ]);
    expect(log.attempts.every((attempt: { latencyMs: number }) => Number.isInteger(attempt.latencyMs))).toBe(true);
  });

  it('gives up after the last scheduled attempt and treats a redirect as a failure it does not follow', async () => {
    const elsewhere = await receiver();
    const target = await receiver(() => ({ status: 307, headers: { location: elsewhere.url } }));
    const webhook = await createWebhook(a, target.url);
    await emit(a);
    const [delivery] = await eventually(
      () => deliveriesOf(a, webhook.id),
      (items) => items[0]?.status === 'failed',
    );
    expect(delivery.attemptCount).toBe(3);
    expect(target.received).toHaveLength(3);
    expect(elsewhere.received).toHaveLength(0);
    expect((await deliveryLog(a, delivery.id)).lastError).toBe('HTTP 307');
  });

  it('disables the endpoint at once when the receiver answers 410', async () => {
    const target = await receiver(() => ({ status: 410 }));
    const webhook = await createWebhook(a, target.url);
    await emit(a);
    const disabled = await eventually(
      async () => expectStatus(await http().get(`/api/v1/webhooks/${webhook.id}`).set(bearer(a.owner.accessToken)), 200).body,
      (body) => body.enabled === false,
    );
    expect(disabled.disabledReason).toMatch(/410/);
    expect(target.received).toHaveLength(1);
    const notice = await ownerNotice(a, webhook.id);
    expect(notice?.data).toEqual({ webhookId: webhook.id, url: target.url, reason: disabled.disabledReason, notify: 'owners' });
    const audit = expectStatus(await http().get(`/api/v1/audit-logs?entityId=${webhook.id}`).set(bearer(a.owner.accessToken)), 200).body.items;
    expect(audit).toContainEqual(
      expect.objectContaining({ actorType: 'system', action: 'update', changes: { enabled: [true, false], disabledReason: [null, disabled.disabledReason] } }),
    );
  });

  it('disables an endpoint whose deliveries have failed for five days', async () => {
    const target = await receiver(() => ({ status: 500 }));
    const webhook = await createWebhook(a, target.url);
    await ownerQuery(api, `UPDATE webhook_endpoint SET failing_since = now() - interval '5 days 1 minute' WHERE id = $1`, [webhook.id]);
    await emit(a);
    const disabled = await eventually(
      async () => expectStatus(await http().get(`/api/v1/webhooks/${webhook.id}`).set(bearer(a.owner.accessToken)), 200).body,
      (body) => body.enabled === false,
    );
    expect(disabled.disabledReason).toMatch(/5 days/);
    expect((await ownerNotice(a, webhook.id))?.data.reason).toBe(disabled.disabledReason);
    const foreign = expectStatus(await http().get('/api/v1/events?types=webhook.disabled').set(bearer(b.owner.accessToken)), 200).body.items;
    expect(foreign.filter((event: { aggregateId: string }) => event.aggregateId === webhook.id)).toEqual([]);
  });

  it('sends a pending delivery whose queue job was lost, once the sweep finds it overdue', async () => {
    const target = await receiver();
    const webhook = await createWebhook(a, target.url);
    const lost = await lostDelivery(api, a.id, webhook.id);
    const [received] = await arrivals(target, 1);
    expect(received.headers['webhook-id']).toBe(lost.eventId);
    // The attempt is settled after the receiver answered (attempts are written in batches).
    await eventually(
      async () => (await deliveryLog(a, lost.id)).status,
      (status) => status === 'succeeded',
    );
  });

  it('redelivers and test-pings with verifiable signatures, the redelivery keeping its webhook-id', async () => {
    const target = await receiver();
    const webhook = await createWebhook(a, target.url);
    const eventId = await emit(a);
    const [first] = await eventually(
      () => deliveriesOf(a, webhook.id),
      (items) => items[0]?.status === 'succeeded',
    );
    const again = expectStatus(await http().post(`/api/v1/webhooks/deliveries/${first.id}/redeliver`).set(bearer(a.owner.accessToken)), 202).body;
    expect(again).toMatchObject({ eventId, status: 'pending' });
    const ping = expectStatus(await http().post(`/api/v1/webhooks/${webhook.id}/test`).set(bearer(a.owner.accessToken)), 202).body;
    const received = await arrivals(target, 3);
    expect(received[1].headers['webhook-id']).toBe(eventId);
    expect(received[1].body).toBe(received[0].body);
    expect(received[2].headers['webhook-id']).toBe(ping.eventId);
    expect(verify(webhook.secret, received[2])).toMatchObject({ type: 'webhook.test', data: { webhookId: webhook.id } });
    expect((await deliveriesOf(a, webhook.id, '?eventType=webhook.test')).map((item) => item.id)).toEqual([ping.id]);
  });

  it('signs with both the old and the new secret during a rotation', async () => {
    const target = await receiver();
    const webhook = await createWebhook(a, target.url);
    const rotated = expectStatus(await http().post(`/api/v1/webhooks/${webhook.id}/rotate-secret`).set(bearer(a.owner.accessToken)), 200).body;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(webhook.secret);
    await emit(a);
    const [delivered] = await arrivals(target, 1);
    expect(String(delivered.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(rotated.secret, delivered)).toBeTruthy();
    expect(verify(webhook.secret, delivered)).toBeTruthy();
  });

  it('lets a healthy endpoint receive while a hung one holds only its own slots', async () => {
    const hung = await receiver(() => 'hang');
    const healthy = await receiver();
    const hungWebhook = await createWebhook(b, hung.url);
    for (let index = 0; index < 20; index++) await emit(b);
    await eventually(
      async () => hung.hangingCount,
      (count) => count === 2,
    );
    await createWebhook(b, healthy.url);
    await emit(b);
    await arrivals(healthy, 1);
    // No request to the hung receiver ended but by its timeout (on a loaded machine the test can outlast TIMEOUT_MS,
    // so the ones that timed out are written down; each freed its slot for the next, never more than 2 at once).
    const hungAttempts = await ownerQuery<{ error: string; latency_ms: number }>(
      api,
      `SELECT a.error, a.latency_ms FROM webhook_attempt a JOIN webhook_delivery d ON d.tenant_id = a.tenant_id AND d.id = a.delivery_id WHERE d.endpoint_id = $1`,
      [hungWebhook.id],
    );
    expect(hungAttempts.filter((attempt) => !/timeout/i.test(attempt.error) || attempt.latency_ms < TIMEOUT_MS)).toEqual([]);
    expect(hung.hangingCount).toBe(2);
    await expectStatus(await http().delete(`/api/v1/webhooks/${hungWebhook.id}`).set(bearer(b.owner.accessToken)), 204);
  });

  it("never delivers tenant A's events to tenant B's endpoint", async () => {
    const ofA = await receiver();
    const ofB = await receiver();
    await createWebhook(a, ofA.url, { events: ['*'] });
    await createWebhook(b, ofB.url, { events: ['*'] });
    const eventOfA = await emit(a);
    const eventOfB = await emit(b);
    await eventually(
      async () => [...ofA.received, ...ofB.received].map((received) => received.headers['webhook-id']),
      (ids) => ids.includes(eventOfA) && ids.includes(eventOfB),
    );
    expect(ofB.received.map((received) => JSON.parse(received.body).tenantId)).toEqual(ofB.received.map(() => b.id));
    expect(ofA.received.map((received) => JSON.parse(received.body).tenantId)).toEqual(ofA.received.map(() => a.id));
  });
});
