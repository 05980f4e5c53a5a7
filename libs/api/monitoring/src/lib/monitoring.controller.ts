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
  @HttpCode(202)
  @BodyLimit(CLIENT_EVENTS_BODY_LIMIT)
  @RequirePermissions('tenant:read')
  @ApiOperation({ summary: "The browsers' uncaught errors (back office and till), batched; grouped with the API's as `source: web|pos`." })
  @ApiAcceptedResponse({ type: ClientEventsAcceptedDto })
  reportClientEvents(@Ctx() context: RequestContext, @Body() batch: ClientEventsDto): Promise<ClientEventsAcceptedDto> {
    return this.clientEvents.record(context, batch);
  }

  @Get('summary')
  @RequirePermissions('monitoring:read')
  @ApiOperation({ summary: "The shop's own traffic: latency percentiles, errors and cache hits over time and by route." })
  @ApiOkResponse({ type: MonitoringSummaryDto })
  summary(@Ctx() context: RequestContext, @Query() query: MonitoringSummaryQueryDto): Promise<MonitoringSummaryDto> {
    return this.summaries.summarize(context, query);
  }

  @Get('errors')
  @RequirePermissions('monitoring:read')
  @ApiOperation({ summary: 'Error groups (API and browsers), newest first.' })
  @ApiOkResponse({ type: ErrorGroupListDto })
  errors(@Ctx() context: RequestContext, @Query() query: ErrorGroupQueryDto): Promise<ErrorGroupListDto> {
    return this.errorGroups.list(context, query);
  }

  @Patch('errors/:id')
  @RequirePermissions('monitoring:manage')
  @ApiOperation({ summary: 'Resolve an error group (it reopens by itself when the error recurs), or reopen it.' })
  @ApiOkResponse({ type: ErrorGroupDto })
  updateError(@Ctx() context: RequestContext, @IdParam() id: string, @Body() changes: UpdateErrorGroupDto): Promise<ErrorGroupDto> {
    return this.errorGroups.update(context, id, changes);
  }
}
