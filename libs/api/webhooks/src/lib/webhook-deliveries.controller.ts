import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { WebhookDeliveryDetailDto, WebhookDeliveryDto } from './dto/webhook-delivery.dto';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks/deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get(':id')
  @ApiOperation({ summary: 'Get a webhook delivery', description: 'The payload and every attempt: time, status, latency, response excerpt, error.' })
  @RequirePermissions('webhooks:manage')
  @ApiOkResponse({ type: WebhookDeliveryDetailDto, description: 'The payload and every attempt: time, status, latency, response excerpt, error.' })
  get(@Ctx() context: RequestContext, @IdParam() id: string): Promise<WebhookDeliveryDetailDto> {
    return this.deliveries.get(context, id);
  }

  @Post(':id/redeliver')
  @ApiOperation({ summary: 'Redeliver a webhook delivery', description: 'A new delivery of the same payload and `webhook-id`.' })
  @RequirePermissions('webhooks:manage')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: WebhookDeliveryDto, description: 'A new delivery of the same payload and webhook-id.' })
  redeliver(@Ctx() context: RequestContext, @IdParam() id: string): Promise<WebhookDeliveryDto> {
    return this.deliveries.redeliver(context, id);
  }
}
