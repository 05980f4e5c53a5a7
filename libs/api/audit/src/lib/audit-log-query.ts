import { isoTime } from '@kassa/api/database';
import type { AuditLogFilterDto } from './dto/audit-log.dto';

export const AUDIT_COLUMNS = `id, actor_type AS "actorType", actor_id AS "actorId", action, entity_type AS "entityType",
  entity_id AS "entityId", changes, metadata, ip, user_agent AS "userAgent", request_id AS "requestId",
  ${isoTime('created_at')} AS "createdAt"`;

/** `WHERE` conditions for the filters, and for rows older than the id `after` (newest first); parameters start at $1. */
export function auditFilter(filter: AuditLogFilterDto, after?: string): { where: string; parameters: unknown[] } {
  const conditions: [string, unknown][] = [
    ['actor_type = $?', filter.actorType],
    ['actor_id = $?', filter.actorId],
    ['action = $?', filter.action],
    ['entity_type = $?', filter.entityType],
    ['entity_id = $?', filter.entityId],
    ['created_at >= $?', filter.from],
    ['created_at < $?', filter.to],
    ['id < $?', after],
  ];
  const present = conditions.filter(([, value]) => value !== undefined);
  return {
    where: present.length ? `WHERE ${present.map(([sql], index) => sql.replace('$?', `$${index + 1}`)).join(' AND ')}` : '',
    parameters: present.map(([, value]) => value),
  };
}
