import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Ctx, expectedVersion, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { Idempotent } from '@kassa/api/idempotency';
import type { FastifyReply } from 'fastify';
import { ShiftReportDto } from './dto/shift-report.dto';
import {
  CashMovementDto,
  CloseShiftDto,
  CreateCashMovementDto,
  CurrentShiftDto,
  OpenShiftDto,
  ShiftDto,
  ShiftListDto,
  ShiftQueryDto,
  ShiftReportQueryDto,
  ShiftSettingsDto,
  UpdateShiftSettingsDto,
} from './dto/shift.dto';
import { renderHtmlShiftReport } from './shift-report-html';
import { renderTextShiftReport } from './shift-report-text';
import { ShiftSettingsService } from './shift-settings.service';
import { ShiftsService } from './shifts.service';

const REPLAY = 'A resend with the same `id` and body answers the first response again (header `idempotent-replayed: true`).';

@ApiTags('shifts')
@ApiBearerAuth()
@Controller()
export class ShiftsController {
  constructor(
    private readonly shifts: ShiftsService,
    private readonly settings: ShiftSettingsService,
  ) {}

  @Post('registers/:id/shifts')
  @ApiOperation({ summary: 'Open a cash shift', description: "Opens the register's shift with its float; one at a time." })
  @RequirePermissions('shifts:operate')
  @Idempotent()
  @ApiCreatedResponse({ type: ShiftDto, description: `Opens the register's shift with its float; one at a time (409 \`shift_already_open\`). ${REPLAY}` })
  async open(
    @Ctx() context: RequestContext,
    @IdParam() registerId: string,
    @Body() input: OpenShiftDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ShiftDto> {
    const { value, replayed } = await this.shifts.open(context, registerId, input);
    if (replayed) reply.header('idempotent-replayed', 'true');
    return value;
  }

  @Get('registers/:id/shifts/current')
  @ApiOperation({ operationId: 'getCurrentShift', summary: "Get a register's open shift", description: "The register's open shift, or 404 when none is open." })
  @RequirePermissions('shifts:operate')
  @ApiOkResponse({ type: CurrentShiftDto })
  current(@Ctx() context: RequestContext, @IdParam() registerId: string): Promise<CurrentShiftDto> {
    return this.shifts.current(context, registerId);
  }

  @Get('shifts')
  @ApiOperation({ summary: 'List shifts', description: 'Newest first; `from`/`to` bound when they were opened.' })
  @RequirePermissions('shifts:read')
  @ApiOkResponse({ type: ShiftListDto, description: 'Newest first; `from`/`to` bound when they were opened.' })
  list(@Ctx() context: RequestContext, @Query() query: ShiftQueryDto): Promise<ShiftListDto> {
    return this.shifts.list(context, query);
  }

  @Get('shift-settings')
  @ApiOperation({ operationId: 'getShiftSettings', summary: 'Get shift settings', description: 'The over/short threshold that flags a shift.' })
  @RequirePermissions('tenant:read')
  @ApiOkResponse({ type: ShiftSettingsDto })
  getSettings(@Ctx() context: RequestContext): Promise<ShiftSettingsDto> {
    return this.settings.get(context);
  }

  @Patch('shift-settings')
  @ApiOperation({
    operationId: 'updateShiftSettings',
    summary: 'Update shift settings',
    description: 'Changes the over/short threshold; send `If-Match` with the version you read.',
  })
  @RequirePermissions('tenant:manage')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you read; 412 if it changed since.' })
  @ApiOkResponse({ type: ShiftSettingsDto })
  updateSettings(
    @Ctx() context: RequestContext,
    @Body() changes: UpdateShiftSettingsDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<ShiftSettingsDto> {
    return this.settings.update(context, changes, expectedVersion(ifMatch));
  }

  @Get('shifts/:id')
  @ApiOperation({ summary: 'Get a shift', description: 'One shift with its cash movements.' })
  @RequirePermissions('shifts:read')
  @ApiOkResponse({ type: ShiftDto })
  get(@Ctx() context: RequestContext, @IdParam() id: string): Promise<ShiftDto> {
    return this.shifts.get(context, id);
  }

  @Post('shifts/:id/cash-movements')
  @ApiOperation({ summary: 'Record a cash movement', description: 'A pay-in, pay-out or drop while the shift is open.' })
  @RequirePermissions('shifts:operate')
  @Idempotent()
  @ApiCreatedResponse({ type: CashMovementDto, description: `Only while the shift is open (409 \`shift_closed\`). ${REPLAY}` })
  async addCashMovement(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Body() input: CreateCashMovementDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CashMovementDto> {
    const { value, replayed } = await this.shifts.addCashMovement(context, id, input);
    if (replayed) reply.header('idempotent-replayed', 'true');
    return value;
  }

  @Post('shifts/:id/close')
  @ApiOperation({ summary: 'Close a shift', description: 'Counts the drawer and closes the shift with its Z number.' })
  @RequirePermissions('shifts:operate')
  @Idempotent()
  @HttpCode(200)
  @ApiOkResponse({
    type: ShiftDto,
    description:
      'Counts the drawer and takes the Z-report (numbered per register, gapless). A second close is 409 `shift_closed`; a retry with the same `Idempotency-Key` replays the first answer.',
  })
  close(@Ctx() context: RequestContext, @IdParam() id: string, @Body() input: CloseShiftDto): Promise<ShiftDto> {
    return this.shifts.close(context, id, input);
  }

  @Get('shifts/:id/report')
  @ApiOperation({
    operationId: 'getShiftReport',
    summary: 'Get a shift report',
    description: 'The Z-report of a closed shift, or the X-report of an open one so far.',
  })
  @RequirePermissions('shifts:operate')
  @ApiProduces('application/json', 'text/plain', 'text/html')
  @ApiOkResponse({ type: ShiftReportDto, description: 'The Z-report of a closed shift (as taken at its close), or the X-report of an open one so far.' })
  async report(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Query() query: ShiftReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ShiftReportDto | string> {
    const report = await this.shifts.report(context, id);
    const format = query.format ?? 'json';
    if (format === 'json') return report;
    reply.header('content-type', format === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
    return format === 'html' ? renderHtmlShiftReport(report) : renderTextShiftReport(report);
  }
}
