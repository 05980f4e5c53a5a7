import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, etagOf, expectedVersion, IdParam, PageQueryDto, RequestContext, RequirePermissions } from '@kassa/api/http';
import type { FastifyReply } from 'fastify';
import { CreateWebhookDto, UpdateWebhookDto, WebhookDto, WebhookListDto, WebhookWithSecretDto } from './dto/webhook.dto';
import { WebhookDeliveryDto, WebhookDeliveryListDto, WebhookDeliveryQueryDto } from './dto/webhook-delivery.dto';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhooksService } from './webhooks.service';

const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag (version) you read; 412 if it changed since.' };

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List webhooks', description: "The shop's webhook endpoints, never their secrets." })
  @RequirePermissions('webhooks:manage')
  @ApiOkResponse({ type: WebhookListDto })
  list(@Ctx() context: RequestContext, @Query() query: PageQueryDto): Promise<WebhookListDto> {
    return this.webhooks.list(context, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a webhook',
    description: 'An HTTPS endpoint and the event types it receives; the secret (`whsec_…`) is shown only here. Deliveries follow Standard Webhooks.',
  })
  @RequirePermissions('webhooks:manage')
  @ApiCreatedResponse({ type: WebhookWithSecretDto, description: 'The only response that shows the secret. 400 webhook_target_forbidden for private targets.' })
  create(@Ctx() context: RequestContext, @Body() input: CreateWebhookDto): Promise<WebhookWithSecretDto> {
    return this.webhooks.create(context, input);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a webhook', description: 'One endpoint with its event types and state.' })
  @RequirePermissions('webhooks:manage')
  @ApiOkResponse({ type: WebhookDto })
  async get(@Ctx() context: RequestContext, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<WebhookDto> {
    const webhook = await this.webhooks.get(context, id);
    reply.header('etag', etagOf(webhook.version));
    return webhook;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a webhook', description: 'Changes the URL, event types or enabled state; send `If-Match` with the ETag you read.' })
  @RequirePermissions('webhooks:manage')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: WebhookDto })
  async update(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Body() changes: UpdateWebhookDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookDto> {
    const webhook = await this.webhooks.update(context, id, changes, expectedVersion(ifMatch));
    reply.header('etag', etagOf(webhook.version));
    return webhook;
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a webhook', description: 'Deleted, with its delivery log.' })
  @RequirePermissions('webhooks:manage')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with its delivery log.' })
  delete(@Ctx() context: RequestContext, @IdParam() id: string): Promise<void> {
    return this.webhooks.delete(context, id);
  }

  @Post(':id/test')
  @ApiOperation({ summary: 'Send a test delivery', description: 'Queues a `webhook.test` ping; follow it in the delivery log.' })
  @RequirePermissions('webhooks:manage')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: WebhookDeliveryDto, description: 'A `webhook.test` ping is queued; follow it in the delivery log.' })
  test(@Ctx() context: RequestContext, @IdParam() id: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.test(context, id);
  }

  @Post(':id/rotate-secret')
  @ApiOperation({
    operationId: 'rotateWebhookSecret',
    summary: 'Rotate a webhook secret',
    description: 'The new secret, shown once; the old one keeps signing beside it for 24 hours.',
  })
  @RequirePermissions('webhooks:manage')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookWithSecretDto, description: 'The new secret, shown once; the old one keeps signing beside it for 24 hours.' })
  rotateSecret(@Ctx() context: RequestContext, @IdParam() id: string): Promise<WebhookWithSecretDto> {
    return this.webhooks.rotateSecret(context, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({
    operationId: 'listWebhookDeliveries',
    summary: "List a webhook's deliveries",
    description: 'The delivery log, newest first, one page at a time.',
  })
  @RequirePermissions('webhooks:manage')
  @ApiOkResponse({ type: WebhookDeliveryListDto })
  deliveriesOf(@Ctx() context: RequestContext, @IdParam() id: string, @Query() query: WebhookDeliveryQueryDto): Promise<WebhookDeliveryListDto> {
    return this.deliveries.list(context, id, query);
  }
}
