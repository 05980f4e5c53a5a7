import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { CreateStoreDto } from './dto/create-store.dto';
import { StoreDto, StoreListDto } from './dto/store.dto';
import { UpdateStoreDto } from './dto/update-store.dto';
import { StoresService } from './stores.service';

@ApiTags('stores')
@ApiBearerAuth()
@Controller('stores')
export class StoresController {
  constructor(private readonly stores: StoresService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a store',
    description: 'A new shop has no store yet: create one before selling or holding stock. Its `code` is unique in the shop.',
  })
  @RequirePermissions('stores:manage')
  @ApiCreatedResponse({ type: StoreDto })
  create(@Ctx() context: RequestContext, @Body() store: CreateStoreDto): Promise<StoreDto> {
    return this.stores.create(context, store);
  }

  @Get()
  @ApiOperation({ summary: 'List stores', description: 'The stores you may see (a user limited to some stores sees only those).' })
  @RequirePermissions('stores:read')
  @ApiOkResponse({ type: StoreListDto })
  list(@Ctx() context: RequestContext): Promise<StoreListDto> {
    return this.stores.list(context);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a store', description: 'One store of the shop.' })
  @RequirePermissions('stores:read')
  @ApiOkResponse({ type: StoreDto })
  get(@Ctx() context: RequestContext, @IdParam() id: string): Promise<StoreDto> {
    return this.stores.get(context, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a store', description: 'Renames, recodes or deactivates a store.' })
  @RequirePermissions('stores:manage')
  @ApiOkResponse({ type: StoreDto })
  update(@Ctx() context: RequestContext, @IdParam() id: string, @Body() changes: UpdateStoreDto): Promise<StoreDto> {
    return this.stores.update(context, id, changes);
  }
}
