import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({
    summary: 'Create an API key',
    description: 'A `kas_…` key scoped to the permissions listed; the secret is shown only in this response. Send it as `Authorization: Bearer kas_…`.',
  })
  @RequirePermissions('api_keys:manage')
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  create(@Ctx() context: RequestContext, @Body() input: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(context, input);
  }

  @Get()
  @ApiOperation({ summary: 'List API keys', description: "The shop's keys with their scopes and last use; never their secrets." })
  @RequirePermissions('api_keys:manage')
  @ApiOkResponse({ type: ApiKeyListDto })
  list(@Ctx() context: RequestContext): Promise<ApiKeyListDto> {
    return this.apiKeys.list(context);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key', description: 'The key stops working at once.' })
  @RequirePermissions('api_keys:manage')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the key stops working at once.' })
  revoke(@Ctx() context: RequestContext, @IdParam() id: string): Promise<void> {
    return this.apiKeys.revoke(context, id);
  }
}
