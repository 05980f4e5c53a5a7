import { Controller, Get, Query, Res } from '@nestjs/common';
import { transactionOutcome } from '@kassa/api/database';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, RequirePermissions } from '@kassa/api/http';
import { sendExport } from '@kassa/api/spreadsheets';
import type { FastifyReply } from 'fastify';
import { AuditLogsService } from './audit-logs.service';
import { AuditLogExportQueryDto, AuditLogListDto, AuditLogQueryDto } from './dto/audit-log.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-logs')
export class AuditLogsController {
  constructor(private readonly auditLogs: AuditLogsService) {}

  @Get()
  @ApiOperation({ summary: 'List audit log entries', description: 'Who changed what, newest first; filter by actor, entity and time.' })
  @RequirePermissions('audit:read')
  @ApiOkResponse({ type: AuditLogListDto, description: 'Newest first.' })
  list(@Ctx() context: RequestContext, @Query() query: AuditLogQueryDto): Promise<AuditLogListDto> {
    return this.auditLogs.list(context, query);
  }

  @Get('export')
  @ApiOperation({ operationId: 'exportAuditLogs', summary: 'Export audit log entries', description: 'The filtered audit rows as CSV, newest first.' })
  @RequirePermissions('audit:read')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV of the filtered audit rows, newest first.' })
  async export(@Ctx() context: RequestContext, @Query() query: AuditLogExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendExport(reply, this.auditLogs.export(context, query), transactionOutcome(context.manager));
  }
}
