import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @RequirePermissions('tenant:read')
  @ApiOkResponse({ type: TenantDto })
  get(@Ctx() context: RequestContext): Promise<TenantDto> {
    return this.tenants.current(context);
  }

  @Patch()
  @RequirePermissions('tenant:manage')
  @ApiOkResponse({ type: TenantDto })
  update(@Ctx() context: RequestContext, @Body() changes: UpdateTenantDto): Promise<TenantDto> {
    return this.tenants.update(context, changes);
  }
}
