import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Ctx, etagOf, expectedVersion, IdParam, RequestContext, RequireAnyPermission, RequirePermissions } from '@kassa/api/http';
import { Idempotent } from '@kassa/api/idempotency';
import type { FastifyReply } from 'fastify';
import {
  CreatePurchaseOrderDto,
  CreateReceiptDto,
  PurchaseOrderDto,
  PurchaseOrderListDto,
  PurchaseOrderQueryDto,
  ReceiptDto,
  ReceiptListDto,
  RejectPurchaseOrderDto,
  UpdatePurchaseOrderDto,
} from './dto/purchase-order.dto';
import { PurchaseOrderDocumentService } from './purchase-order-document.service';
import { PurchaseOrderReceiptsService } from './purchase-order-receipts.service';
import { PurchaseOrdersService } from './purchase-orders.service';
import { PurchaseOrderAction } from './purchase-order-states';

const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag (version) you read; 412 if it changed since.' };

@ApiTags('purchasing')
@ApiBearerAuth()
@Controller('purchase-orders')
export class PurchaseOrdersController {
  constructor(
    private readonly orders: PurchaseOrdersService,
    private readonly receipts: PurchaseOrderReceiptsService,
    private readonly documents: PurchaseOrderDocumentService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List purchase orders', description: 'Newest first, filtered by status, supplier and store.' })
  @RequireAnyPermission('purchasing:read', 'purchasing:receive')
  @ApiOkResponse({
    type: PurchaseOrderListDto,
    description:
      'Newest first; filter by `status` for the list by state or the approval inbox (`submitted`). With `purchasing:receive` but not `purchasing:read`: only the orders to receive (ordered, partially received).',
  })
  list(@Ctx() context: RequestContext, @Query() query: PurchaseOrderQueryDto): Promise<PurchaseOrderListDto> {
    return this.orders.list(context, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a purchase order', description: 'A draft with a gapless number per shop.' })
  @RequirePermissions('purchasing:manage')
  @ApiCreatedResponse({ type: PurchaseOrderDto, description: 'A draft numbered PO-000123 (gapless per shop); unit costs default to the supplier’s.' })
  create(@Ctx() context: RequestContext, @Body() input: CreatePurchaseOrderDto): Promise<PurchaseOrderDto> {
    return this.orders.create(context, input);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a purchase order', description: 'One order with its lines.' })
  @RequireAnyPermission('purchasing:read', 'purchasing:receive')
  @ApiOkResponse({
    type: PurchaseOrderDto,
    description: 'With `purchasing:receive` but not `purchasing:read`: only an order to receive (ordered, partially received); any other is 404.',
  })
  async get(@Ctx() context: RequestContext, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<PurchaseOrderDto> {
    return this.tagged(reply, await this.orders.open(context, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a draft purchase order', description: 'Drafts only; `lines` replaces every line.' })
  @RequirePermissions('purchasing:manage')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: PurchaseOrderDto, description: 'Drafts only (else 409 `invalid_transition`); `lines` replaces every line.' })
  async update(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Body() changes: UpdatePurchaseOrderDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PurchaseOrderDto> {
    return this.tagged(reply, await this.orders.update(context, id, changes, expectedVersion(ifMatch)));
  }

  @Get(':id/document')
  @ApiOperation({
    operationId: 'getPurchaseOrderDocument',
    summary: 'Get a purchase order document',
    description: 'The order as the supplier gets it: a printable HTML page.',
  })
  @RequirePermissions('purchasing:read')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The order as the supplier gets it: a printable HTML page.', schema: { type: 'string' } })
  async document(@Ctx() context: RequestContext, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    reply.header('content-type', 'text/html; charset=utf-8');
    return this.documents.render(context, id);
  }

  @Post(':id/submit')
  @ApiOperation({ summary: 'Submit a purchase order', description: 'draft → submitted, for approval.' })
  @RequirePermissions('purchasing:manage')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: PurchaseOrderDto, description: 'draft → submitted, for approval.' })
  submit(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.act(context, id, 'submit', ifMatch, reply);
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'Approve a purchase order', description: 'submitted → approved; above the approval threshold only an owner may.' })
  @RequirePermissions('purchasing:approve')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({
    type: PurchaseOrderDto,
    description: 'submitted → approved. Above the shop’s approval threshold only an owner may (403 `approval_limit_exceeded`).',
  })
  approve(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.act(context, id, 'approve', ifMatch, reply);
  }

  @Post(':id/reject')
  @ApiOperation({ summary: 'Reject a purchase order', description: 'submitted → rejected, with the reason.' })
  @RequirePermissions('purchasing:approve')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: PurchaseOrderDto, description: 'submitted → rejected, with the reason.' })
  async reject(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Body() input: RejectPurchaseOrderDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PurchaseOrderDto> {
    return this.tagged(reply, await this.orders.act(context, id, 'reject', { reason: input.reason, expectedVersion: expectedVersion(ifMatch) }));
  }

  @Post(':id/reopen')
  @ApiOperation({ summary: 'Reopen a purchase order', description: 'rejected → draft.' })
  @RequirePermissions('purchasing:manage')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: PurchaseOrderDto, description: 'rejected → draft, to change and submit again.' })
  reopen(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.act(context, id, 'reopen', ifMatch, reply);
  }

  @Post(':id/order')
  @ApiOperation({
    operationId: 'placePurchaseOrder',
    summary: 'Place a purchase order',
    description: 'approved → ordered; optionally mails it to the supplier.',
  })
  @RequirePermissions('purchasing:manage')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({
    type: PurchaseOrderDto,
    description:
      'approved → ordered: marks it sent and emails the order to the supplier when it has an address (the printable page is `GET /purchase-orders/{id}/document`).',
  })
  async order(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const order = await this.act(context, id, 'order', ifMatch, reply);
    await this.documents.mailToSupplier(context, order);
    return order;
  }

  @Post(':id/close')
  @ApiOperation({ summary: 'Close a purchase order', description: 'The rest will not come and stops counting as on order.' })
  @RequirePermissions('purchasing:manage')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: PurchaseOrderDto, description: 'ordered or partially received → closed: the rest will not come and stops counting as on order.' })
  close(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.act(context, id, 'close', ifMatch, reply);
  }

  @Post(':id/cancel')
  @ApiOperation({ summary: 'Cancel a purchase order', description: 'draft, submitted or approved → cancelled.' })
  @RequirePermissions('purchasing:manage')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: PurchaseOrderDto, description: 'draft, submitted or approved → cancelled.' })
  cancel(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.act(context, id, 'cancel', ifMatch, reply);
  }

  @Post(':id/receipts')
  @ApiOperation({ summary: 'Receive goods', description: 'Goods in against the order: stock moves and costs update.' })
  @RequirePermissions('purchasing:receive')
  @Idempotent()
  @ApiCreatedResponse({
    type: ReceiptDto,
    description: 'Goods in: only while ordered or partially received; more than is due is 409 `over_receipt` unless `allowOver`.',
  })
  receive(@Ctx() context: RequestContext, @IdParam() id: string, @Body() input: CreateReceiptDto): Promise<ReceiptDto> {
    return this.receipts.receive(context, id, input);
  }

  @Get(':id/receipts')
  @ApiOperation({ operationId: 'listPurchaseOrderReceipts', summary: "List an order's receipts", description: 'Every goods receipt of the order.' })
  @RequirePermissions('purchasing:read')
  @ApiOkResponse({ type: ReceiptListDto })
  listReceipts(@Ctx() context: RequestContext, @IdParam() id: string): Promise<ReceiptListDto> {
    return this.receipts.list(context, id);
  }

  private async act(
    context: RequestContext,
    id: string,
    action: PurchaseOrderAction,
    ifMatch: string | undefined,
    reply: FastifyReply,
  ): Promise<PurchaseOrderDto> {
    return this.tagged(reply, await this.orders.act(context, id, action, { expectedVersion: expectedVersion(ifMatch) }));
  }

  private tagged(reply: FastifyReply, order: PurchaseOrderDto): PurchaseOrderDto {
    reply.header('etag', etagOf(order.version));
    return order;
  }
}
