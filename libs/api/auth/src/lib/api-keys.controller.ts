import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @RequirePermissions('api_keys:manage')
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  create(@Ctx() context: RequestContext, @Body() input: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(context, input);
  }

  @Get()
  @RequirePermissions('api_keys:manage')
  @ApiOkResponse({ type: ApiKeyListDto })
  list(@Ctx() context: RequestContext): Promise<ApiKeyListDto> {
    return this.apiKeys.list(context);
  }

  @Delete(':id')
  @RequirePermissions('api_keys:manage')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the key stops working at once.' })
  revoke(@Ctx() context: RequestContext, @IdParam() id: string): Promise<void> {
    return this.apiKeys.revoke(context, id);
  }
}
