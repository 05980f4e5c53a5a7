import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { Idempotent } from '@kassa/api/idempotency';
import type { FastifyReply } from 'fastify';
import { CreateSaleDto } from './dto/create-sale.dto';
import { ReconciliationQueryDto, ReviewSaleDto, SaleListDto } from './dto/reconciliation.dto';
import { SaleDto } from './dto/sale.dto';
import { SalesReconciliationService } from './sales-reconciliation.service';
import { SalesService } from './sales.service';

@ApiTags('sales')
@ApiBearerAuth()
@Controller('sales')
export class SalesController {
  constructor(
    private readonly sales: SalesService,
    private readonly reconciliation: SalesReconciliationService,
  ) {}

  @Post()
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

  @Get('reconciliation')
  @RequirePermissions('sales:review')
  @ApiOkResponse({ type: SaleListDto, description: 'Offline sales with flagged deviations, oldest first; `status=reviewed` for the done ones.' })
  listForReconciliation(@Ctx() context: RequestContext, @Query() query: ReconciliationQueryDto): Promise<SaleListDto> {
    return this.reconciliation.list(context, query);
  }

  @Get(':id')
  @RequirePermissions('sales:read')
  @ApiOkResponse({ type: SaleDto })
  get(@Ctx() context: RequestContext, @IdParam() id: string): Promise<SaleDto> {
    return this.sales.get(context, id);
  }

  @Post(':id/review')
  @RequirePermissions('sales:review')
  @HttpCode(200)
  @ApiOkResponse({ type: SaleDto, description: 'Marks a flagged offline sale reviewed; it leaves the open reconciliation list.' })
  review(@Ctx() context: RequestContext, @IdParam() id: string, @Body() input: ReviewSaleDto): Promise<SaleDto> {
    return this.reconciliation.review(context, id, input);
  }
}
