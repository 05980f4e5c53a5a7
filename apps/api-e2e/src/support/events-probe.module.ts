import { Body, Controller, Injectable, Module, OnModuleInit, Post } from '@nestjs/common';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { Client } from 'pg';
import { ErrorCode, EventData, EventEnvelope } from '@kassa/contracts';
import { tenantIsolationSql } from '@kassa/api/database';
import { DomainEvents, EventConsumers } from '@kassa/api/events';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { ApiException, Ctx, RequestContext, RequirePermissions } from '@kassa/api/http';

/** Stands in for business modules until they exist: tables an aggregate and a consumer's effects live in. */
export async function installEventsProbeTables(ownerUrl: string): Promise<void> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  await owner.query(`CREATE TABLE probe_aggregate (tenant_id uuid NOT NULL, id uuid NOT NULL, version integer NOT NULL, PRIMARY KEY (tenant_id, id))`);
  await owner.query(
    `CREATE TABLE probe_effect (tenant_id uuid NOT NULL, event_id uuid NOT NULL, sequence bigint NOT NULL, aggregate_id uuid NOT NULL, aggregate_version integer NOT NULL)`,
  );
  for (const table of ['probe_aggregate', 'probe_effect']) {
    for (const statement of tenantIsolationSql(table)) await owner.query(statement);
  }
  await owner.end();
}

class BumpDto {
  @IsUUID() aggregateId!: string;
  @IsOptional() @IsBoolean() rollback?: boolean;
}

@Controller('e2e-probe/events')
class EventsProbeController {
  constructor(
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
  ) {}

  /** One business change: bump an aggregate's version, audit it and record its event, in the request's transaction. */
  @Post('bump')
  @RequirePermissions('events:read')
  async bump(@Ctx() context: RequestContext, @Body() body: BumpDto): Promise<{ version: number; eventId: string }> {
    const [{ version }] = await context.manager.query(
      `INSERT INTO probe_aggregate (tenant_id, id, version) VALUES ($1, $2, 1)
       ON CONFLICT (tenant_id, id) DO UPDATE SET version = probe_aggregate.version + 1 RETURNING version`,
      [context.tenantId, body.aggregateId],
    );
    await this.audit.record(auditScopeOf(context), {
      action: 'update',
      entityType: 'probe',
      entityId: body.aggregateId,
      before: { version: version - 1 },
      after: { version },
    });
    const eventId = await this.events.record(context, {
      type: 'product.updated',
      aggregateType: 'probe',
      aggregateId: body.aggregateId,
      aggregateVersion: version,
      // A stand-in aggregate under a real type: only these tests read its `data`, which is not a product's.
      data: { version } as unknown as EventData<'product.updated'>,
    });
    if (body.rollback) throw new ApiException(ErrorCode.Conflict, 'Rolled back on purpose.');
    return { version, eventId };
  }
}

/** A consumer that records each delivery it gets, so tests can count effects; it fails while `failing` is set, and always on a `poisoned` aggregate's events. */
@Injectable()
export class ProbeConsumer implements OnModuleInit {
  failing = false;
  readonly poisoned = new Set<string>();

  constructor(private readonly consumers: EventConsumers) {}

  onModuleInit(): void {
    this.consumers.register({
      name: 'e2e-probe',
      types: ['product.updated'],
      handle: async (event: EventEnvelope, manager) => {
        if (this.failing || this.poisoned.has(event.aggregateId)) throw new Error('probe consumer failed on purpose');
        await manager.query(`INSERT INTO probe_effect (tenant_id, event_id, sequence, aggregate_id, aggregate_version) VALUES ($1, $2, $3, $4, $5)`, [
          event.tenantId,
          event.id,
          event.sequence,
          event.aggregateId,
          event.aggregateVersion,
        ]);
      },
    });
  }
}

/** A live consumer (no transaction, no marker) that remembers the id of each event pushed to it; it throws while `throwing` is set. */
@Injectable()
export class LiveProbeConsumer implements OnModuleInit {
  throwing = false;
  readonly pushed: string[] = [];

  constructor(private readonly consumers: EventConsumers) {}

  onModuleInit(): void {
    this.consumers.registerLive({
      name: 'e2e-live-probe',
      types: ['product.updated'],
      push: (event) => {
        if (this.throwing) throw new Error('live probe failed on purpose');
        this.pushed.push(event.id);
      },
    });
  }
}

@Module({ controllers: [EventsProbeController], providers: [ProbeConsumer, LiveProbeConsumer] })
export class EventsProbeModule {}
