import { Injectable } from '@nestjs/common';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { queryRows } from '@kassa/api/database';
import { RequestContext } from '@kassa/api/http';
import { RegistersService } from '@kassa/api/tenancy';
import { productNotFound } from './catalog.exception';
import type { RegisterFavouritesDto, ReplaceRegisterFavouritesDto } from './dto/register-favourites.dto';

/** The products a register's till shows first (issue 20): one ordered list per register, replaced whole. */
@Injectable()
export class RegisterFavouritesService {
  constructor(
    private readonly registers: RegistersService,
    private readonly audit: AuditLog,
  ) {}

  async list(context: RequestContext, registerId: string): Promise<RegisterFavouritesDto> {
    await this.registers.get(context, registerId);
    return { registerId, productIds: await this.productIds(context, registerId) };
  }

  async replace(context: RequestContext, registerId: string, input: ReplaceRegisterFavouritesDto): Promise<RegisterFavouritesDto> {
    await this.registers.get(context, registerId);
    // Two managers saving at once: one list after the other, never a mix of both.
    await context.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('register_favourite:' || $1, 0))`, [registerId]);
    const before = await this.productIds(context, registerId);
    const known = new Set(
      (await queryRows<{ id: string }>(context.manager, `SELECT id FROM product WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, [input.productIds])).map(
        (row) => row.id,
      ),
    );
    const unknown = input.productIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw productNotFound(`productIds.${unknown}`);
    await context.manager.query(`DELETE FROM register_favourite WHERE register_id = $1`, [registerId]);
    await context.manager.query(
      `INSERT INTO register_favourite (tenant_id, register_id, product_id, position)
       SELECT $1, $2, listed.id, listed.position - 1 FROM unnest($3::uuid[]) WITH ORDINALITY AS listed (id, position)`,
      [context.tenantId, registerId, input.productIds],
    );
    await this.audit.record(auditScopeOf(context), {
      action: 'update',
      entityType: 'register',
      entityId: registerId,
      before: { favourites: before },
      after: { favourites: input.productIds },
    });
    return { registerId, productIds: input.productIds };
  }

  private async productIds(context: RequestContext, registerId: string): Promise<string[]> {
    const rows = await queryRows<{ productId: string }>(
      context.manager,
      `SELECT f.product_id AS "productId" FROM register_favourite f
         JOIN product p ON p.tenant_id = f.tenant_id AND p.id = f.product_id AND p.deleted_at IS NULL
        WHERE f.register_id = $1 ORDER BY f.position`,
      [registerId],
    );
    return rows.map((row) => row.productId);
  }
}
