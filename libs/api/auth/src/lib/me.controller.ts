import { Body, Controller, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Ctx, RequestContext } from '@kassa/api/http';
import { StoresService, TenantsService } from '@kassa/api/tenancy';
import { MeDto } from './dto/me.dto';
import { SetPinDto } from './dto/pin.dto';
import { StaffPinsService } from './staff-pins.service';
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
    private readonly pins: StaffPinsService,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'getMe',
    summary: 'Get the caller',
    description: 'The signed-in user (or API key) with its tenant, role, stores and effective permissions.',
  })
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
      registerId: context.registerId ?? null,
    };
  }

  @Put('pin')
  @ApiOperation({ operationId: 'setMyPin', summary: 'Set my till PIN', description: "The PIN the user signs in with on the shop's paired tills." })
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({ description: "The PIN is set: the user can sign in with it on the shop's paired tills." })
  setPin(@Ctx() context: RequestContext, @Body() input: SetPinDto): Promise<void> {
    return this.pins.setOwn(context, input);
  }
}
