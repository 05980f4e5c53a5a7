import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, RequirePermissions } from '@kassa/api/http';
import type { FastifyReply } from 'fastify';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { AUDIT_COLUMNS, auditFilter } from './audit-log-query';
import { AuditLog, auditScopeOf } from './audit-log.service';
import { csvLine } from '@kassa/api/spreadsheets';
import { AuditLogDto, AuditLogExportQueryDto, AuditLogListDto, AuditLogQueryDto } from './dto/audit-log.dto';

const EXPORT_PAGE = 1000;
const CSV_HEADER = ['id', 'createdAt', 'actorType', 'actorId', 'action', 'entityType', 'entityId', 'changes', 'metadata', 'ip', 'userAgent', 'requestId'] as const;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-logs')
export class AuditLogsController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @RequirePermissions('audit:read')
  @ApiOkResponse({ type: AuditLogListDto, description: 'Newest first.' })
  async list(@Ctx() context: RequestContext, @Query() query: AuditLogQueryDto): Promise<AuditLogListDto> {
    const limit = query.limit ?? 50;
    const { where, parameters } = auditFilter(query, query.cursor);
    const rows: AuditLogDto[] = await context.manager.query(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log ${where} ORDER BY id DESC LIMIT $${parameters.length + 1}`,
      [...parameters, limit + 1],
    );
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  /** Streams every matching row as CSV, page by page; the export is itself audited. */
  @Get('export')
  @RequirePermissions('audit:read')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV of the filtered audit rows, newest first.' })
  async export(
    @Ctx() context: RequestContext,
    @Query() query: AuditLogExportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { format, ...filters } = query;
    await this.audit.record(auditScopeOf(context), { action: 'export', entityType: 'audit_log', metadata: { filters } });
    const body = new PassThrough();
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="audit-log.csv"')
      .send(body);
    body.write(csvLine([...CSV_HEADER]));
    let cursor: string | undefined;
    for (;;) {
      const { where, parameters } = auditFilter(filters, cursor);
      const rows: AuditLogDto[] = await context.manager.query(
        `SELECT ${AUDIT_COLUMNS} FROM audit_log ${where} ORDER BY id DESC LIMIT $${parameters.length + 1}`,
        [...parameters, EXPORT_PAGE],
      );
      for (const row of rows) {
        if (!body.write(csvLine(CSV_HEADER.map((column) => row[column])))) await once(body, 'drain');
      }
      if (rows.length < EXPORT_PAGE) break;
      cursor = rows[rows.length - 1].id;
    }
    body.end();
  }
}
