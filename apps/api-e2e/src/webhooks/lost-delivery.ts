import { uuidv7 } from '@kassa/contracts';
import { ownerQuery } from '../support/owner-query';
import type { TestApi } from '../support/test-api';

/** A pending delivery, an hour old, that no queue holds: what a failed enqueue or a restart leaves behind. */
export async function lostDelivery(api: TestApi, tenantId: string, endpointId: string): Promise<{ id: string; eventId: string }> {
  const lost = { id: uuidv7(), eventId: uuidv7() };
  await ownerQuery(
    api,
    `INSERT INTO webhook_delivery (tenant_id, id, endpoint_id, event_id, event_type, payload, created_at)
     VALUES ($1, $2, $3, $4, 'product.updated', $5, now() - interval '1 hour')`,
    [tenantId, lost.id, endpointId, lost.eventId, JSON.stringify({ id: lost.eventId, type: 'product.updated', data: {} })],
  );
  return lost;
}
