import { Body, Controller, Module, Post } from '@nestjs/common';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Client } from 'pg';
import { uuidv7 } from '@kassa/contracts';
import { tenantIsolationSql } from '@kassa/api/database';
import { Ctx, RequestContext, RequirePermissions } from '@kassa/api/http';
import { Idempotent } from '@kassa/api/idempotency';

/** A table for the probe's "orders", made the way migrations make tenant tables. */
export async function installIdempotencyProbeTables(ownerUrl: string): Promise<void> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  await owner.query(`CREATE TABLE probe_order (tenant_id uuid NOT NULL, id uuid NOT NULL, label text NOT NULL, PRIMARY KEY (tenant_id, id))`);
  for (const statement of tenantIsolationSql('probe_order')) await owner.query(statement);
  await owner.end();
}

class ProbeOrderDto {
  @IsString() @MaxLength(100) label!: string;
  /** Keeps the request's transaction open this long, to overlap duplicates. */
  @IsOptional() @IsInt() @Min(0) @Max(10_000) holdMs?: number;
}

/** Stands in for POST /sales until it exists: creates one row per request, behind @Idempotent(). */
@Controller('e2e-probe/orders')
class IdempotencyProbeController {
  @Post()
  @RequirePermissions('events:read')
  @Idempotent()
  async create(@Ctx() context: RequestContext, @Body() body: ProbeOrderDto): Promise<{ id: string; label: string }> {
    const id = uuidv7();
    await context.manager.query(`INSERT INTO probe_order (tenant_id, id, label) VALUES ($1, $2, $3)`, [context.tenantId, id, body.label]);
    if (body.holdMs) await context.manager.query(`SELECT pg_sleep($1::float / 1000)`, [body.holdMs]);
    return { id, label: body.label };
  }
}

@Module({ controllers: [IdempotencyProbeController] })
export class IdempotencyProbeModule {}
