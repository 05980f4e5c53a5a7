import { Injectable } from '@nestjs/common';
import { queryRows } from '@kassa/api/database';
import { cursorShape, pageRequest, paginate, RequestContext } from '@kassa/api/http';
import type { SpreadsheetExport } from '@kassa/api/spreadsheets';
import { AUDIT_COLUMNS, auditFilter } from './audit-log-query';
import { AuditLog, auditScopeOf } from './audit-log.service';
import type { AuditLogDto, AuditLogExportQueryDto, AuditLogFilterDto, AuditLogListDto, AuditLogQueryDto } from './dto/audit-log.dto';

const AUDIT_PAGES = cursorShape('audit-logs', ['uuid']);
const EXPORT_PAGE = 1000;
const CSV_HEADER = [
  'id',
  'createdAt',
  'actorType',
  'actorId',
  'action',
  'entityType',
  'entityId',
  'changes',
  'metadata',
  'ip',
  'userAgent',
  'requestId',
] as const;

/** The audit log as owners read it: filtered, newest first, listed page by page or exported whole. */
@Injectable()
export class AuditLogsService {
  constructor(private readonly audit: AuditLog) {}

  async list(context: RequestContext, query: AuditLogQueryDto): Promise<AuditLogListDto> {
    const page = pageRequest(query, AUDIT_PAGES);
    return paginate(await this.newestFirst(context, query, page.after?.[0], page.fetch), page, (row) => [row.id]);
  }

  /** Every matching row as CSV; the export is itself audited once written. */
  export(context: RequestContext, query: AuditLogExportQueryDto): SpreadsheetExport<AuditLogDto> {
    const { format, ...filters } = query;
    const newestFirst = (after: string | undefined) => this.newestFirst(context, filters, after, EXPORT_PAGE);
    return {
      filename: 'audit-log',
      format: format ?? 'csv',
      bom: false,
      csvHeader: CSV_HEADER,
      pages: async function* (this: void) {
        let after: string | undefined;
        for (;;) {
          const page = await newestFirst(after);
          if (page.length > 0) yield page;
          if (page.length < EXPORT_PAGE) return;
          after = page[page.length - 1].id;
        }
      },
      written: (rows) => this.audit.record(auditScopeOf(context), { action: 'export', entityType: 'audit_log', metadata: { filters, rows } }),
    };
  }

  private newestFirst(context: RequestContext, filter: AuditLogFilterDto, after: string | undefined, limit: number): Promise<AuditLogDto[]> {
    const { where, parameters } = auditFilter(filter, after);
    return queryRows<AuditLogDto>(context.manager, `SELECT ${AUDIT_COLUMNS} FROM audit_log ${where} ORDER BY id DESC LIMIT $${parameters.length + 1}`, [
      ...parameters,
      limit,
    ]);
  }
}
