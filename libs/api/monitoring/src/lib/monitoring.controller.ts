import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BodyLimit, Ctx, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { ClientEventsService } from './client-events.service';
import { CLIENT_EVENTS_BODY_LIMIT, ClientEventsAcceptedDto, ClientEventsDto } from './dto/client-events.dto';
import { ErrorGroupDto, ErrorGroupListDto, ErrorGroupQueryDto, UpdateErrorGroupDto } from './dto/error-group.dto';
import { MonitoringSummaryDto, MonitoringSummaryQueryDto } from './dto/monitoring-summary.dto';
import { ErrorGroupsService } from './error-groups.service';
import { MonitoringSummaryService } from './monitoring-summary.service';

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('monitoring')
export class MonitoringController {
  constructor(
    private readonly summaries: MonitoringSummaryService,
    private readonly errorGroups: ErrorGroupsService,
    private readonly clientEvents: ClientEventsService,
  ) {}

  @Post('client-events')
  @ApiOperation({
    operationId: 'reportClientErrors',
    summary: 'Report browser errors',
    description: "The back office's and the till's uncaught errors, batched; grouped with the API's own as `source: web` or `source: pos`.",
  })
  @HttpCode(202)
  @BodyLimit(CLIENT_EVENTS_BODY_LIMIT)
  @RequirePermissions('tenant:read')
  @ApiAcceptedResponse({ type: ClientEventsAcceptedDto })
  reportClientEvents(@Ctx() context: RequestContext, @Body() batch: ClientEventsDto): Promise<ClientEventsAcceptedDto> {
    return this.clientEvents.record(context, batch);
  }

  @Get('summary')
  @ApiOperation({
    operationId: 'getMonitoringSummary',
    summary: "Summarize the shop's traffic",
    description: "Latency percentiles, errors and cache hits of the shop's own requests over time and by route.",
  })
  @RequirePermissions('monitoring:read')
  @ApiOkResponse({ type: MonitoringSummaryDto })
  summary(@Ctx() context: RequestContext, @Query() query: MonitoringSummaryQueryDto): Promise<MonitoringSummaryDto> {
    return this.summaries.summarize(context, query);
  }

  @Get('errors')
  @ApiOperation({ operationId: 'listErrorGroups', summary: 'List error groups', description: 'Error groups of the API and the browsers, newest first.' })
  @RequirePermissions('monitoring:read')
  @ApiOkResponse({ type: ErrorGroupListDto })
  errors(@Ctx() context: RequestContext, @Query() query: ErrorGroupQueryDto): Promise<ErrorGroupListDto> {
    return this.errorGroups.list(context, query);
  }

  @Patch('errors/:id')
  @ApiOperation({
    operationId: 'updateErrorGroup',
    summary: 'Resolve or reopen an error group',
    description: 'A resolved group reopens by itself when the error happens again.',
  })
  @RequirePermissions('monitoring:manage')
  @ApiOkResponse({ type: ErrorGroupDto })
  updateError(@Ctx() context: RequestContext, @IdParam() id: string, @Body() changes: UpdateErrorGroupDto): Promise<ErrorGroupDto> {
    return this.errorGroups.update(context, id, changes);
  }
}
