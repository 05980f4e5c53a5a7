import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { transactionOutcome } from '@kassa/api/database';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Ctx, IdParam, RequestContext, RequirePermissionOrApproval, RequirePermissions } from '@kassa/api/http';
import { sendExport } from '@kassa/api/spreadsheets';
import { Idempotent } from '@kassa/api/idempotency';
import type { FastifyReply } from 'fastify';
import { CreateSaleDto } from './dto/create-sale.dto';
import { ReconciliationQueryDto, ReviewSaleDto } from './dto/reconciliation.dto';
import { EmailReceiptDto, ReceiptEmailQueuedDto } from './dto/receipt-email.dto';
import { ReceiptQueryDto } from './dto/receipt-query.dto';
import { CreateRefundDto, RefundDto, RefundListDto, RefundReviewDto, RefundReviewListDto, VoidSaleDto } from './dto/refund.dto';
import { SaleDto, SaleListDto, SaleSearchListDto } from './dto/sale.dto';
import { SaleExportQueryDto, SaleQueryDto } from './dto/sale-query.dto';
import { SalesSummaryDto, SalesSummaryQueryDto } from './dto/sales-summary.dto';
import { SaleReceiptEmailsService } from './sale-receipt-emails.service';
import { SaleReceiptsService } from './sale-receipts.service';
import { SaleRefundsService } from './sale-refunds.service';
import { SaleVoidsService } from './sale-voids.service';
import { SalesSummaryService } from './sales-summary.service';
import { SalesReconciliationService } from './sales-reconciliation.service';
import { SalesService } from './sales.service';

@ApiTags('sales')
@ApiBearerAuth()
@Controller('sales')
export class SalesController {
  constructor(
    private readonly sales: SalesService,
    private readonly reconciliation: SalesReconciliationService,
    private readonly refunds: SaleRefundsService,
    private readonly voids: SaleVoidsService,
    private readonly receipts: SaleReceiptsService,
    private readonly receiptEmails: SaleReceiptEmailsService,
    private readonly summaries: SalesSummaryService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Record a sale',
    description:
      'Records a completed sale: lines, tenders and discounts, with the client-chosen `id` making it idempotent. Stock moves and `sale.completed` is published in the same transaction.',
  })
  @RequirePermissions('sales:create')
  @Idempotent()
  @ApiCreatedResponse({
    type: SaleDto,
    description: 'A resend with the same `id` and body answers the recorded sale again (header `idempotent-replayed: true`).',
  })
  async create(@Ctx() context: RequestContext, @Body() input: CreateSaleDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<SaleDto> {
    const { sale, replayed } = await this.sales.create(context, input);
    if (replayed) reply.header('idempotent-replayed', 'true');
    return sale;
  }

  @Get()
  @ApiOperation({ summary: 'List sales', description: 'Sales newest first, filtered by store, register, time and text, one page at a time.' })
  @RequirePermissions('sales:read')
  @ApiOkResponse({ type: SaleSearchListDto, description: 'Newest first. `q` is a receipt number or part of a customer name.' })
  list(@Ctx() context: RequestContext, @Query() query: SaleQueryDto): Promise<SaleSearchListDto> {
    return this.sales.list(context, query);
  }

  @Get('export')
  @ApiOperation({ operationId: 'exportSales', summary: 'Export sales', description: 'The sales the list filters match, one row per sale, as CSV or xlsx.' })
  @RequirePermissions('sales:read')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The sales the list filters match, one row per sale (voided ones with their status), newest first; audited.' })
  async export(@Ctx() context: RequestContext, @Query() query: SaleExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendExport(reply, await this.sales.export(context, query), transactionOutcome(context.manager));
  }

  @Get('summary')
  @ApiOperation({
    operationId: 'getSalesSummary',
    summary: 'Summarize a business day',
    description: "A business day's figures in the shop's time zone: the basis of the Z-report.",
  })
  @RequirePermissions('sales:read')
  @ApiOkResponse({ type: SalesSummaryDto, description: "A business day's figures in the shop's time zone: the basis of the Z-report." })
  summary(@Ctx() context: RequestContext, @Query() query: SalesSummaryQueryDto): Promise<SalesSummaryDto> {
    return this.summaries.summarize(context, query);
  }

  @Get('reconciliation')
  @ApiOperation({
    operationId: 'listSalesToReconcile',
    summary: 'List offline sales to reconcile',
    description: 'Offline sales with flagged deviations, oldest first.',
  })
  @RequirePermissions('sales:review')
  @ApiOkResponse({ type: SaleListDto, description: 'Offline sales with flagged deviations, oldest first; `status=reviewed` for the done ones.' })
  listForReconciliation(@Ctx() context: RequestContext, @Query() query: ReconciliationQueryDto): Promise<SaleListDto> {
    return this.reconciliation.list(context, query);
  }

  @Get('reconciliation/refunds')
  @ApiOperation({
    summary: 'List offline refunds to review',
    description: 'Refunds taken while a till was offline, with their flags, until a manager marks them reviewed.',
  })
  @RequirePermissions('sales:review')
  @ApiOkResponse({ type: RefundReviewListDto, description: 'Offline refunds, oldest first, until reviewed; `status=reviewed` for the done ones.' })
  listRefundsForReconciliation(@Ctx() context: RequestContext, @Query() query: ReconciliationQueryDto): Promise<RefundReviewListDto> {
    return this.reconciliation.listRefunds(context, query);
  }

  @Post('refunds/:id/review')
  @ApiOperation({ summary: 'Mark an offline refund reviewed', description: 'Records who reviewed the refund, when, and their note.' })
  @RequirePermissions('sales:review')
  @HttpCode(200)
  @ApiOkResponse({ type: RefundReviewDto, description: 'Marks an offline refund reviewed; it leaves the open list. 404 `not_found` for any other id.' })
  reviewRefund(@Ctx() context: RequestContext, @IdParam() id: string, @Body() input: ReviewSaleDto): Promise<RefundReviewDto> {
    return this.reconciliation.reviewRefund(context, id, input);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a sale', description: 'One sale with its lines, tenders and totals.' })
  @RequirePermissions('sales:read')
  @ApiOkResponse({ type: SaleDto })
  get(@Ctx() context: RequestContext, @IdParam() id: string): Promise<SaleDto> {
    return this.sales.get(context, id);
  }

  @Get(':id/receipt')
  @ApiOperation({
    operationId: 'getSaleReceipt',
    summary: "Get a sale's receipt",
    description: 'The printable receipt (HTML or text) with the refunds made so far.',
  })
  @RequirePermissions('sales:read')
  @ApiProduces('text/plain', 'text/html')
  @ApiOkResponse({ description: 'The receipt with the refunds made so far.', schema: { type: 'string' } })
  async receipt(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Query() query: ReceiptQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const format = query.format ?? 'text';
    reply.header('content-type', format === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
    return this.receipts.render(context, id, format);
  }

  @Post(':id/receipt/email')
  @ApiOperation({ operationId: 'emailSaleReceipt', summary: 'Email a receipt', description: "Queues the receipt to the given address or the customer's." })
  @RequirePermissions('sales:read')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: ReceiptEmailQueuedDto,
    description:
      'Queues the HTML receipt (plain text alternative) to `to`; it is sent after the request, with retries. ' +
      'At most `RECEIPT_EMAILS_PER_HOUR` per shop: then 429 `receipt_email_limited` with `Retry-After`.',
  })
  emailReceipt(@Ctx() context: RequestContext, @IdParam() id: string, @Body() input: EmailReceiptDto): Promise<ReceiptEmailQueuedDto> {
    return this.receiptEmails.email(context, id, input);
  }

  @Post(':id/void')
  @ApiOperation({ summary: 'Void a sale', description: "Only on the sale's business day; every line goes back in stock." })
  @RequirePermissions('sales:void')
  @HttpCode(200)
  @ApiOkResponse({ type: SaleDto, description: "Only on the sale's business day; every line goes back in stock." })
  void(@Ctx() context: RequestContext, @IdParam() id: string, @Body() input: VoidSaleDto): Promise<SaleDto> {
    return this.voids.void(context, id, input);
  }

  @Post(':id/refunds')
  @ApiOperation({
    summary: 'Refund a sale',
    description:
      "Refunds some lines or quantities to the tenders paid; never more than remains. A caller without `sales:refund` sends a manager's PIN `approval`.",
  })
  @RequirePermissionOrApproval('sales:refund', 'sales:create')
  @Idempotent()
  @ApiCreatedResponse({ type: RefundDto })
  refund(@Ctx() context: RequestContext, @IdParam() id: string, @Body() input: CreateRefundDto): Promise<RefundDto> {
    return this.refunds.create(context, id, input);
  }

  @Get(':id/refunds')
  @ApiOperation({ operationId: 'listSaleRefunds', summary: "List a sale's refunds", description: 'Every refund of the sale, oldest first.' })
  @RequirePermissions('sales:read')
  @ApiOkResponse({ type: RefundListDto })
  listRefunds(@Ctx() context: RequestContext, @IdParam() id: string): Promise<RefundListDto> {
    return this.refunds.list(context, id);
  }

  @Post(':id/review')
  @ApiOperation({ summary: 'Review an offline sale', description: 'Marks a flagged offline sale reviewed.' })
  @RequirePermissions('sales:review')
  @HttpCode(200)
  @ApiOkResponse({ type: SaleDto, description: 'Marks a flagged offline sale reviewed; it leaves the open reconciliation list.' })
  review(@Ctx() context: RequestContext, @IdParam() id: string, @Body() input: ReviewSaleDto): Promise<SaleDto> {
    return this.reconciliation.review(context, id, input);
  }
}
