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
  /** Rows held back by `collecting`, per transaction. */
  private readonly collected = new WeakMap<EntityManager, PendingEntry[]>();

  record(scope: AuditScope, entry: AuditEntry): Promise<void> {
    return this.recordMany(scope, [entry]);
  }

  /** Many rows in one statement (imports), all by the same actor in the same request. */
  async recordMany(scope: AuditScope, entries: AuditEntry[]): Promise<void> {
    const pending = entries.map((entry) => ({ scope, entry }));
    const collected = this.collected.get(scope.manager);
    if (collected) collected.push(...pending);
    else await this.insert(scope.manager, pending);
  }

  /**
   * Audit rows built in SQL, for a statement that writes rows and audits them in one go (decision 0045): the `INSERT` of
   * one row per row of `source`, a relation the caller's statement names (a CTE) with the columns `action`,
   * `entity_type`, `entity_id` (text) and `changes` (jsonb, built with `fieldChangesSql`: the fields that differ, as
   * `record` keeps them). The caller embeds it (`WITH …, audit AS (<sql>) …`) with `parameters` appended, the first
   * numbered `firstParameter`. Written at once, even inside `collecting`.
   */
  insertFrom(scope: AuditScope, source: string, firstParameter: number): { sql: string; parameters: unknown[] } {
    const parameter = (offset: number, type: string) => `$${firstParameter + offset}::${type}`;
    return {
      sql: `INSERT INTO audit_log (tenant_id, actor_type, actor_id, ip, user_agent, request_id, id, action, entity_type, entity_id, changes)
            SELECT ${parameter(0, 'uuid')}, ${parameter(1, 'text')}, ${parameter(2, 'uuid')}, ${parameter(3, 'text')}, ${parameter(4, 'text')},
                   ${parameter(5, 'text')}, uuidv7(), a.action, a.entity_type, a.entity_id, a.changes
              FROM ${source} a`,
      parameters: [scope.tenantId, scope.actor.type, scope.actor.id ?? null, scope.ip ?? null, scope.userAgent?.slice(0, 500) ?? null, scope.requestId ?? null],
    };
  }

  /**
   * Runs `work` with the rows it records in this transaction held back and written in one statement when it ends
   * (decision 0038), still before the transaction commits. If `work` fails, nothing is written.
   */
  async collecting<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
    if (this.collected.has(manager)) return work();
    const pending: PendingEntry[] = [];
    this.collected.set(manager, pending);
    let result: T;
    try {
      result = await work();
    } finally {
      this.collected.delete(manager);
    }
    await this.insert(manager, pending);
    return result;
  }

  private async insert(manager: EntityManager, rows: PendingEntry[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO audit_log (tenant_id, actor_type, actor_id, ip, user_agent, request_id,
                              id, action, entity_type, entity_id, changes, metadata)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[],
                            $7::uuid[], $8::text[], $9::text[], $10::text[], $11::jsonb[], $12::jsonb[])`,
      [
        rows.map(({ scope }) => scope.tenantId),
        rows.map(({ scope }) => scope.actor.type),
        rows.map(({ scope }) => scope.actor.id ?? null),
        rows.map(({ scope }) => scope.ip ?? null),
        rows.map(({ scope }) => scope.userAgent?.slice(0, 500) ?? null),
        rows.map(({ scope }) => scope.requestId ?? null),
        rows.map(() => uuidv7()),
        rows.map(({ entry }) => entry.action),
        rows.map(({ entry }) => entry.entityType),
        rows.map(({ entry }) => entry.entityId ?? null),
        rows.map(({ entry }) => JSON.stringify(fieldChanges(entry.before, entry.after))),
        rows.map(({ entry }) => JSON.stringify(redactSecrets(entry.metadata ?? {}))),
      ],
    );
  }
}

type PendingEntry = { scope: AuditScope; entry: AuditEntry };
