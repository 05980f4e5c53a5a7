import { Injectable } from '@nestjs/common';
import { EventEnvelope, uuidv7 } from '@kassa/contracts';
import { TenantTransaction } from '@kassa/api/database';
import { EventConsumers } from './event-consumers';

/** Deliveries that failed every attempt, kept per consumer that still has not processed the event. */
@Injectable()
export class DeadLetterRecorder {
  constructor(
    private readonly tenants: TenantTransaction,
    private readonly consumers: EventConsumers,
  ) {}

  /** Records the consumers that still have not processed the event after its last attempt. */
  async recordExhausted(event: EventEnvelope, attempts: number, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.tenants.run(event.tenantId, async (manager) => {
      const processed: { consumer: string }[] = await manager.query(`SELECT consumer FROM processed_event WHERE event_id = $1`, [event.id]);
      const done = new Set(processed.map((row) => row.consumer));
      for (const consumer of this.consumers.consumersOf(event).filter((candidate) => !done.has(candidate.name))) {
        await manager.query(`INSERT INTO dead_letter (tenant_id, id, event_id, consumer, attempts, last_error) VALUES ($1, $2, $3, $4, $5, $6)`, [
          event.tenantId,
          uuidv7(),
          event.id,
          consumer.name,
          attempts,
          message.slice(0, 2000),
        ]);
      }
    });
  }
}
