import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, DeviceOnly, IdParam, PageQueryDto, RequestContext, RequirePermissions } from '@kassa/api/http';
import { CurrentDeviceDto, DeviceHeartbeatDto, DeviceListDto, DeviceStaffListDto, PairDeviceDto, PairedDeviceDto } from './dto/device.dto';
import { DevicesService } from './devices.service';

// Bearer on the manager routes only: the device routes take the device scheme alone.
@ApiTags('devices')
@Controller()
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @Post('registers/:id/devices')
  @ApiOperation({
    summary: 'Pair a till device',
    description: "Pairs a device with the register and answers its `kdv_…` token once; the register's previous device stops working.",
  })
  @RequirePermissions('devices:manage')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: PairedDeviceDto, description: "Paired: the register's previous device, if any, stops working at once." })
  pair(@Ctx() context: RequestContext, @IdParam() registerId: string, @Body() input: PairDeviceDto): Promise<PairedDeviceDto> {
    return this.devices.pair(context, registerId, input);
  }

  @Get('devices')
  @ApiOperation({ summary: 'List paired devices', description: "The shop's paired tills with their last heartbeat." })
  @RequirePermissions('devices:manage')
  @ApiBearerAuth()
  @ApiOkResponse({ type: DeviceListDto })
  list(@Ctx() context: RequestContext, @Query() query: PageQueryDto): Promise<DeviceListDto> {
    return this.devices.list(context, query);
  }

  @Get('devices/current')
  @ApiOperation({ operationId: 'getCurrentDevice', summary: 'Get the calling device', description: 'The paired device itself, its register and store.' })
  @DeviceOnly()
  @ApiOkResponse({ type: CurrentDeviceDto, description: 'With `Authorization: Device <token>` only.' })
  current(@Ctx() context: RequestContext): Promise<CurrentDeviceDto> {
    return this.devices.current(context);
  }

  @Get('devices/current/staff')
  @ApiOperation({
    operationId: 'listDeviceStaff',
    summary: 'List who may sign in on this device',
    description: 'The users who may sign in with a PIN on this till.',
  })
  @DeviceOnly()
  @ApiOkResponse({ type: DeviceStaffListDto, description: 'The users who may sign in on this device. With `Authorization: Device <token>` only.' })
  staff(@Ctx() context: RequestContext): Promise<DeviceStaffListDto> {
    return this.devices.staff(context);
  }

  @Post('devices/current/heartbeat')
  @ApiOperation({ operationId: 'sendDeviceHeartbeat', summary: 'Send a till heartbeat', description: 'The till reports its offline queue and app version.' })
  @DeviceOnly()
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      "The till's sync report, sent on every attempt to empty its offline queue; managers read it in `GET /devices`. With `Authorization: Device <token>` only.",
  })
  heartbeat(@Ctx() context: RequestContext, @Body() input: DeviceHeartbeatDto): Promise<void> {
    return this.devices.heartbeat(context, input);
  }

  @Delete('devices/:id')
  @ApiOperation({ summary: 'Revoke a device', description: 'The device stops working at once.' })
  @RequirePermissions('devices:manage')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the device stops working at once.' })
  revoke(@Ctx() context: RequestContext, @IdParam() id: string): Promise<void> {
    return this.devices.revoke(context, id);
  }
}
