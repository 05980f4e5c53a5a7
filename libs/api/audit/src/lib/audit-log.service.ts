import { Injectable } from '@nestjs/common';
import { AuditAction, uuidv7 } from '@kassa/contracts';
import type { EntityManager } from 'typeorm';
import { fieldChanges, redactSecrets } from './field-changes';

export type AuditActor = { type: 'user' | 'api_key'; id: string } | { type: 'system'; id?: undefined };

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string;
  /** The entity before and after the change; the log keeps only the fields that differ. */
  before?: object;
  after?: object;
  metadata?: Record<string, unknown>;
}

/** Where an audit row is written and who did it: the caller's transaction and request. */
export interface AuditScope {
  manager: EntityManager;
  tenantId: string;
  actor: AuditActor;
  requestId?: string;
  ip?: string;
  userAgent?: string;
}

/** The caller as the request context knows it (structurally: no dependency on the tenancy module). */
type ContextActor = { kind: 'user'; userId: string } | { kind: 'api_key'; apiKeyId: string };

export function auditActorOf(actor: ContextActor): AuditActor {
  return actor.kind === 'user' ? { type: 'user', id: actor.userId } : { type: 'api_key', id: actor.apiKeyId };
}

/** The scope of an authenticated request. */
export function auditScopeOf(
  context: Omit<AuditScope, 'actor'> & { actor: ContextActor },
): AuditScope {
  return { ...context, actor: auditActorOf(context.actor) };
}

/** Append-only audit trail (DESIGN.md §10), written in the same transaction as the change it records. */
@Injectable()
export class AuditLog {
  async record(scope: AuditScope, entry: AuditEntry): Promise<void> {
    await scope.manager.query(
      `INSERT INTO audit_log (tenant_id, id, actor_type, actor_id, action, entity_type, entity_id, changes, metadata, ip, user_agent, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        scope.tenantId,
        uuidv7(),
        scope.actor.type,
        scope.actor.id ?? null,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        JSON.stringify(fieldChanges(entry.before, entry.after)),
        JSON.stringify(redactSecrets(entry.metadata ?? {})),
        scope.ip ?? null,
        scope.userAgent?.slice(0, 500) ?? null,
        scope.requestId ?? null,
      ],
    );
  }
}
