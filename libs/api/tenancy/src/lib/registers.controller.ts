import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { CreateRegisterDto, RegisterDto, RegisterListDto, UpdateRegisterDto } from './dto/register.dto';
import { RegistersService } from './registers.service';

@ApiTags('stores')
@ApiBearerAuth()
@Controller()
export class RegistersController {
  constructor(private readonly registers: RegistersService) {}

  @Get('stores/:id/registers')
  @ApiOperation({ summary: "List a store's registers", description: 'The POS registers (tills) of the store.' })
  @RequirePermissions('stores:read')
  @ApiOkResponse({ type: RegisterListDto })
  list(@Ctx() context: RequestContext, @IdParam() storeId: string): Promise<RegisterListDto> {
    return this.registers.list(context, storeId);
  }

  @Post('stores/:id/registers')
  @ApiOperation({ summary: 'Create a register', description: 'A POS register (till) of the store; receipt numbers run per register.' })
  @RequirePermissions('stores:manage')
  @ApiCreatedResponse({ type: RegisterDto, description: 'A POS register (till) of the store.' })
  create(@Ctx() context: RequestContext, @IdParam() storeId: string, @Body() input: CreateRegisterDto): Promise<RegisterDto> {
    return this.registers.create(context, storeId, input);
  }

  @Get('registers/:id')
  @ApiOperation({ summary: 'Get a register', description: 'One register with its last receipt number.' })
  @RequirePermissions('stores:read')
  @ApiOkResponse({ type: RegisterDto })
  get(@Ctx() context: RequestContext, @IdParam() id: string): Promise<RegisterDto> {
    return this.registers.get(context, id);
  }

  @Patch('registers/:id')
  @ApiOperation({
    summary: 'Rename, retire or reactivate a register',
    description: 'A retired register takes no new sales, refunds, shifts or pairings; it keeps its history and receipt numbers.',
  })
  @RequirePermissions('stores:manage')
  @ApiOkResponse({ type: RegisterDto, description: 'Renamed, retired or back in use.' })
  update(@Ctx() context: RequestContext, @IdParam() id: string, @Body() changes: UpdateRegisterDto): Promise<RegisterDto> {
    return this.registers.update(context, id, changes);
  }
}
