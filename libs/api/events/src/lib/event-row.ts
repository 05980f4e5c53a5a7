import type { KassaEvent } from '@kassa/contracts';
import { isoTime } from '@kassa/api/database';

/** SQL select list that reads an outbox row as an EventEnvelope (table alias `e`). */
export const ENVELOPE_COLUMNS = `e.id, e.type, e.tenant_id AS "tenantId", e.sequence,
  e.aggregate_type AS "aggregateType", e.aggregate_id AS "aggregateId", e.aggregate_version AS "aggregateVersion",
  ${isoTime('e.occurred_at')} AS "occurredAt", e.data`;

/** Outbox rows are written only through DomainEvents, whose producers are typed by each type's data schema. */
export type EventRow = KassaEvent;
