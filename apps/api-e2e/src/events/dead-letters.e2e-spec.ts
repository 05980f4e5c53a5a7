import request from 'supertest';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { ErrorCode, EventData, uuidv7 } from '@kassa/contracts';
import { TenantTransaction } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
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

  it('lets a poison event among a relay batch fail alone: the others are applied, only it is dead-lettered, after its own retries', async () => {
    const consumer = api.app.get(ProbeConsumer);
    const aggregates = Array.from({ length: 10 }, () => uuidv7());
    consumer.poisoned.add(aggregates[3]);
    // One commit: the relay stamps them in one pass and hands them over in one job.
    const eventIds = await api.app.get(TenantTransaction).run(shop.id, async (manager) => {
      const ids: string[] = [];
      for (const aggregateId of aggregates) {
        ids.push(
          await api.app.get(DomainEvents).record(
            { manager, tenantId: shop.id },
            {
              type: 'product.updated',
              aggregateType: 'probe',
              aggregateId,
              aggregateVersion: 1,
              data: { version: 1 } as unknown as EventData<'product.updated'>,
            },
          ),
        );
      }
      return ids;
    });
    const list = await eventually(
      async () => expectStatus(await http().get('/api/v1/admin/dead-letters').set(bearer(shop.owner.accessToken)), 200).body,
      (page) => page.items.some((item: { eventId: string }) => item.eventId === eventIds[3]),
    );
    expect(list.items.filter((item: { eventId: string }) => eventIds.includes(item.eventId))).toEqual([
      expect.objectContaining({ eventId: eventIds[3], consumer: 'e2e-probe', attempts: 3 }),
    ]);
    const applied = await ownerQuery<{ event_id: string }>(api, `SELECT event_id FROM probe_effect WHERE event_id = ANY ($1)`, [eventIds]);
    expect(applied.map((row) => row.event_id).sort()).toEqual(eventIds.filter((_, index) => index !== 3).sort());

    // The ten travelled in one job; the poison event went on in a job of its own, which failed.
    const queue = api.app.get<Queue>(getQueueToken('outbox'));
    expect(await (await queue.getJob(`outbox-batch-${eventIds[0]}`))?.getState()).toBe('completed');
    expect(await (await queue.getJob(`outbox-${eventIds[3]}`))?.getState()).toBe('failed');
    expect(await queue.getJob(`outbox-${eventIds[0]}`)).toBeUndefined();

    consumer.poisoned.clear();
    const deadLetter = list.items.find((item: { eventId: string }) => item.eventId === eventIds[3]);
    expectStatus(await http().post(`/api/v1/admin/dead-letters/${deadLetter.id}/retry`).set(bearer(shop.owner.accessToken)), 202);
    await eventually(
      () => ownerQuery(api, `SELECT 1 FROM probe_effect WHERE event_id = $1`, [eventIds[3]]),
      (rows) => rows.length === 1,
    );
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
