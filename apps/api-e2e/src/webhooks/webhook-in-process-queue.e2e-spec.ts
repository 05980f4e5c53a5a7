import request from 'supertest';
import { uuidv7 } from '@kassa/contracts';
import { eventually } from '@kassa/testing';
import { EventsProbeModule, installEventsProbeTables } from '../support/events-probe.module';
import { bearer, expectStatus, signupBody } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';
import { lostDelivery } from './lost-delivery';
import { WebhookReceiver } from './webhook-receiver';

describe('webhook delivery without Redis', () => {
  let api: TestApi;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    api = await startTestApi({
      probeModules: [EventsProbeModule],
      env: { REDIS_URL: '', OUTBOX_POLL_MS: '200', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_SCHEDULE_MS: '0,100,100', WEBHOOK_SWEEP_MS: '300' },
    });
    await installEventsProbeTables(api.database.url);
    receiver = await WebhookReceiver.start((index) => (index === 0 ? { status: 503 } : { status: 200 }));
  });
  afterAll(async () => {
    await receiver.close();
    await api.close();
  });

  it('delivers and retries on the in-process queue with the same webhook-id', async () => {
    const http = () => request(api.app.getHttpServer());
    const token = expectStatus(await http().post('/api/v1/signup').send(signupBody()), 201).body.accessToken;
    const webhook = expectStatus(
      await http()
        .post('/api/v1/webhooks')
        .set(bearer(token))
        .send({ url: receiver.url, events: ['*'] }),
      201,
    ).body;
    const { eventId } = expectStatus(await http().post('/api/v1/e2e-probe/events/bump').set(bearer(token)).send({ aggregateId: uuidv7() }), 201).body;
    const [delivery] = await eventually(
      async () => expectStatus(await http().get(`/api/v1/webhooks/${webhook.id}/deliveries`).set(bearer(token)), 200).body.items,
      (items: { status: string }[]) => items[0]?.status === 'succeeded',
    );
    expect(delivery).toMatchObject({ eventId, attemptCount: 2 });
    expect(receiver.received.map((received) => received.headers['webhook-id'])).toEqual([eventId, eventId]);
  });

  it('sends, after a restart, a delivery that was waiting on a timer of the stopped process', async () => {
    const http = () => request(api.app.getHttpServer());
    const signup = expectStatus(await http().post('/api/v1/signup').send(signupBody()), 201).body;
    const webhook = expectStatus(
      await http()
        .post('/api/v1/webhooks')
        .set(bearer(signup.accessToken))
        .send({ url: receiver.url, events: ['*'] }),
      201,
    ).body;
    const lost = await lostDelivery(api, signup.tenant.id, webhook.id);
    await eventually(
      async () => receiver.received,
      (received) => received.some((webhook) => webhook.headers['webhook-id'] === lost.eventId),
    );
  });
});
