import { Injectable } from '@nestjs/common';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { isoTime, isUniqueViolation } from '@kassa/api/database';
import { ApiException, RequestContext } from '@kassa/api/http';
import type { CreateRegisterDto, RegisterDto, RegisterListDto } from './dto/register.dto';
import { canSeeStore } from './store-scope';
import { StoresService } from './stores.service';

const REGISTER_COLUMNS = `r.id, r.store_id AS "storeId", r.name, r.kind, r.last_receipt_number AS "lastReceiptNumber",
  ${isoTime('r.created_at')} AS "createdAt"`;

const registerNotFound = () => new ApiException(ErrorCode.RegisterNotFound, 'No such register.');

/** The tills of a store. Each numbers its receipts on its own, so registers never wait on each other. */
@Injectable()
export class RegistersService {
  constructor(
    private readonly stores: StoresService,
    private readonly audit: AuditLog,
  ) {}

  async list(context: RequestContext, storeId: string): Promise<RegisterListDto> {
    await this.stores.get(context, storeId);
    const items: RegisterDto[] = await context.manager.query(
      `SELECT ${REGISTER_COLUMNS} FROM register r WHERE r.store_id = $1 ORDER BY r.kind, r.name`,
      [storeId],
    );
    return { items, nextCursor: null };
  }

  async get(context: RequestContext, id: string): Promise<RegisterDto> {
    const [register]: RegisterDto[] = await context.manager.query(`SELECT ${REGISTER_COLUMNS} FROM register r WHERE r.id = $1`, [id]);
    if (!register || !canSeeStore(context, register.storeId)) throw registerNotFound();
    return register;
  }

  async create(context: RequestContext, storeId: string, input: CreateRegisterDto): Promise<RegisterDto> {
    await this.stores.get(context, storeId);
    const [created]: RegisterDto[] = await context.manager
      .query(
        `INSERT INTO register AS r (tenant_id, id, store_id, name, kind) VALUES ($1, $2, $3, $4, 'pos') RETURNING ${REGISTER_COLUMNS}`,
        [context.tenantId, uuidv7(), storeId, input.name],
      )
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'register_name_key')) {
          throw new ApiException(ErrorCode.Conflict, 'The store has a register with that name.', [
            { field: 'name', message: `${input.name} is taken in this store` },
          ]);
        }
        throw error;
      });
    await this.audit.record(auditScopeOf(context), { action: 'create', entityType: 'register', entityId: created.id, after: created });
    return created;
  }
}
