import { Injectable } from '@nestjs/common';
import { AuditAction, uuidv7 } from '@kassa/contracts';
import type { EntityManager } from 'typeorm';
import { fieldChanges, redactSecrets } from './field-changes';

export type AuditActor = { type: 'user' | 'api_key' | 'device'; id: string } | { type: 'system'; id?: undefined };

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
type ContextActor = { kind: 'user'; userId: string } | { kind: 'api_key'; apiKeyId: string } | { kind: 'device'; deviceId: string };

export function auditActorOf(actor: ContextActor): AuditActor {
  switch (actor.kind) {
    case 'user':
      return { type: 'user', id: actor.userId };
    case 'api_key':
      return { type: 'api_key', id: actor.apiKeyId };
    case 'device':
      return { type: 'device', id: actor.deviceId };
  }
}

/** The scope of an authenticated request. */
export function auditScopeOf(context: Omit<AuditScope, 'actor'> & { actor: ContextActor }): AuditScope {
  return { ...context, actor: auditActorOf(context.actor) };
}

/** Append-only audit trail (DESIGN.md §10), written in the same transaction as the change it records. */
@Injectable()
export class AuditLog {
  record(scope: AuditScope, entry: AuditEntry): Promise<void> {
    return this.recordMany(scope, [entry]);
  }

  /** Many rows in one statement (imports), all by the same actor in the same request. */
  async recordMany(scope: AuditScope, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await scope.manager.query(
      `INSERT INTO audit_log (tenant_id, actor_type, actor_id, ip, user_agent, request_id,
                              id, action, entity_type, entity_id, changes, metadata)
       SELECT $1, $2, $3, $4, $5, $6, *
         FROM unnest($7::uuid[], $8::text[], $9::text[], $10::text[], $11::jsonb[], $12::jsonb[])`,
      [
        scope.tenantId,
        scope.actor.type,
        scope.actor.id ?? null,
        scope.ip ?? null,
        scope.userAgent?.slice(0, 500) ?? null,
        scope.requestId ?? null,
        entries.map(() => uuidv7()),
        entries.map((entry) => entry.action),
        entries.map((entry) => entry.entityType),
        entries.map((entry) => entry.entityId ?? null),
        entries.map((entry) => JSON.stringify(fieldChanges(entry.before, entry.after))),
        entries.map((entry) => JSON.stringify(redactSecrets(entry.metadata ?? {}))),
      ],
    );
  }
}
