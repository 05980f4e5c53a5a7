import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, RequirePermissions } from '@kassa/api/http';
import { TenantDto } from './dto/tenant.dto';
import { UpdateTenantDto } from './dto/update-tenant.dto';
import { TenantsService } from './tenants.service';

@ApiTags('tenant')
@ApiBearerAuth()
@Controller('tenant')
export class TenantController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  @ApiOperation({ summary: 'Get the shop', description: "The shop's name, currency, time zone, tax mode and till settings." })
  @RequirePermissions('tenant:read')
  @ApiOkResponse({ type: TenantDto })
  get(@Ctx() context: RequestContext): Promise<TenantDto> {
    return this.tenants.current(context);
  }

  @Patch()
  @ApiOperation({ summary: 'Update the shop', description: "Changes the shop's settings; send `If-Match` with the version you read." })
  @RequirePermissions('tenant:manage')
  @ApiOkResponse({ type: TenantDto })
  update(@Ctx() context: RequestContext, @Body() changes: UpdateTenantDto): Promise<TenantDto> {
    return this.tenants.update(context, changes);
  }
}
