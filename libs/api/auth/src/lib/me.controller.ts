import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, Ctx, RequestContext } from '@kassa/api/http';
import { StoresService, TenantsService } from '@kassa/api/tenancy';
import { MeDto } from './dto/me.dto';
import { UsersService } from './users.service';
import { notAUser } from './auth.exception';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly tenants: TenantsService,
    private readonly stores: StoresService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: MeDto })
  async me(@Ctx() context: RequestContext): Promise<MeDto> {
    const { actor } = context;
    if (actor.kind !== 'user') throw notAUser();
    // One after another: they share the request's single transaction connection.
    const user = await this.users.get(context, actor.userId);
    const tenant = await this.tenants.current(context);
    const stores = await this.stores.list(context);
    return {
      user,
      role: actor.role,
      tenant,
      stores: stores.items.map(({ id, name, code }) => ({ id, name, code })),
      permissions: [...actor.permissions],
    };
  }
}
