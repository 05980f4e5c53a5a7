import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, IdParam, PageQueryDto, RequestContext, RequirePermissions } from '@kassa/api/http';
import { CreatedUserDto, CreateUserDto, UpdateUserDto, UserDto, UserListDto } from './dto/user.dto';
import { StaffPinsService } from './staff-pins.service';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly pins: StaffPinsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List users', description: "The shop's users and their roles." })
  @RequirePermissions('users:read')
  @ApiOkResponse({ type: UserListDto })
  list(@Ctx() context: RequestContext, @Query() query: PageQueryDto): Promise<UserListDto> {
    return this.users.list(context, query);
  }

  @Post()
  @ApiOperation({
    operationId: 'inviteUser',
    summary: 'Invite a user',
    description: 'Creates the user with a role (and stores, for a limited one) and answers a one-time link to set their password.',
  })
  @RequirePermissions('users:manage')
  @ApiCreatedResponse({ type: CreatedUserDto, description: 'The user, and a one-time link to set their password.' })
  create(@Ctx() context: RequestContext, @Body() input: CreateUserDto): Promise<CreatedUserDto> {
    return this.users.create(context, input);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a user', description: 'One user of the shop.' })
  @RequirePermissions('users:read')
  @ApiOkResponse({ type: UserDto })
  get(@Ctx() context: RequestContext, @IdParam() id: string): Promise<UserDto> {
    return this.users.get(context, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a user', description: "Changes a user's name, role, stores or status; the last owner cannot be demoted." })
  @RequirePermissions('users:manage')
  @ApiOkResponse({ type: UserDto })
  update(@Ctx() context: RequestContext, @IdParam() id: string, @Body() changes: UpdateUserDto): Promise<UserDto> {
    return this.users.update(context, id, changes);
  }

  @Delete(':id/pin')
  @ApiOperation({ operationId: 'clearUserPin', summary: "Clear a user's PIN", description: 'The user signs in on tills again only after setting a new PIN.' })
  @RequirePermissions('users:manage')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Cleared: the user signs in on tills again only after setting a new PIN.' })
  clearPin(@Ctx() context: RequestContext, @IdParam() id: string): Promise<void> {
    return this.pins.clear(context, id);
  }
}
