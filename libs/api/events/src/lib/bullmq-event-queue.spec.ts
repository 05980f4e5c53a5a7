import { Logger } from '@nestjs/common';
import type { AppConfig } from '@kassa/api/config';
import type { EventEnvelope } from '@kassa/contracts';
import type { Job } from 'bullmq';
import { BullMqEventQueue, OutboxJobData, OutboxProcessor } from './bullmq-event-queue';

const event = { id: '01a23110-0000-7000-8000-000000000001', tenantId: '01a23110-0000-7000-8000-000000000002', type: 'sale.created' } as EventEnvelope;
const lastAttempt = { id: 'job-1', name: 'events', data: { events: [event] }, attemptsMade: 1, opts: { attempts: 1 } } as unknown as Job<OutboxJobData>;

describe('OutboxProcessor', () => {
  it('logs, never throws at the worker, when the dead letter of an exhausted job cannot be written', async () => {
    const exhausted = jest.fn().mockRejectedValue(new Error('Connection terminated unexpectedly'));
    const processor = new OutboxProcessor({ deliver: jest.fn(), exhausted }, {} as BullMqEventQueue, {} as AppConfig);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

    await expect(processor.onFailed(lastAttempt, new Error('consumer failed'))).resolves.toBeUndefined();

    expect(exhausted).toHaveBeenCalledWith(event, 1, expect.any(Error));
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ jobId: 'job-1' }), expect.stringContaining('recovery sweep'));
  });
});
