import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { transactionOutcome } from '@kassa/api/database';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ImportBodyPipe, MAPPING_FIELD_DESCRIPTION, sendExport, SpreadsheetImportRoute, SpreadsheetUpload } from '@kassa/api/spreadsheets';
import type { FastifyReply } from 'fastify';
import { CountImportService } from './count-import.service';
import { Ctx, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import {
  AdjustmentBatchDto,
  AdjustmentBatchResultDto,
  AdjustmentDto,
  CountDto,
  CountImportDto,
  CountImportQueryDto,
  CountImportResultDto,
  LevelsExportQueryDto,
  CountResultDto,
  LedgerListDto,
  LedgerQueryDto,
  MovementResultDto,
  ReconcileDto,
  SetReorderPointDto,
  StockLevelDto,
  StockLevelListDto,
  StockLevelQueryDto,
  TransferDto,
  TransferResultDto,
} from './dto/inventory.dto';
import { InventoryService } from './inventory.service';

@ApiTags('inventory')
@ApiBearerAuth()
@Controller('inventory')
export class InventoryController {
  constructor(
    private readonly inventory: InventoryService,
    private readonly countImports: CountImportService,
  ) {}

  @Post('adjustments')
  @ApiOperation({ operationId: 'adjustStock', summary: 'Adjust stock', description: 'Adds or removes units of a product in a store with a reason.' })
  @RequirePermissions('inventory:manage')
  @ApiCreatedResponse({ type: MovementResultDto, description: '409 insufficient_stock when negative stock is not allowed.' })
  adjust(@Ctx() context: RequestContext, @Body() adjustment: AdjustmentDto): Promise<MovementResultDto> {
    return this.inventory.adjust(context, adjustment);
  }

  @Post('adjustments/batch')
  @ApiOperation({ operationId: 'adjustStockInBatch', summary: 'Adjust stock in a batch', description: 'Several adjustments, all or nothing.' })
  @RequirePermissions('inventory:manage')
  @ApiCreatedResponse({ type: AdjustmentBatchResultDto, description: 'All or nothing.' })
  async adjustBatch(@Ctx() context: RequestContext, @Body() batch: AdjustmentBatchDto): Promise<AdjustmentBatchResultDto> {
    return { items: await this.inventory.adjustBatch(context, batch.adjustments) };
  }

  @Post('counts')
  @ApiOperation({
    operationId: 'recordStockCount',
    summary: 'Record a stock count',
    description: 'Sets counted quantities; the differences become ledger entries.',
  })
  @RequirePermissions('inventory:manage')
  @ApiCreatedResponse({ type: CountResultDto })
  count(@Ctx() context: RequestContext, @Body() count: CountDto): Promise<CountResultDto> {
    return this.inventory.count(context, count);
  }

  @Post('counts/import')
  @ApiOperation({
    operationId: 'importStockCounts',
    summary: 'Import a stock count',
    description: 'Counted quantities by SKU or barcode from JSON rows or a spreadsheet, all or nothing.',
  })
  @RequirePermissions('inventory:manage')
  @HttpCode(200)
  @SpreadsheetImportRoute(CountImportDto, {
    storeId: { type: 'string', format: 'uuid', description: 'The store counted (for a file).' },
    mapping: { type: 'string', description: MAPPING_FIELD_DESCRIPTION },
    dryRun: { type: 'boolean', description: 'Validate only.' },
  })
  @ApiOkResponse({ type: CountImportResultDto, description: 'By SKU or barcode, all or nothing; dryRun=true only reports.' })
  importCounts(
    @Ctx() context: RequestContext,
    @Query() query: CountImportQueryDto,
    @Body(new ImportBodyPipe(CountImportDto)) body: CountImportDto | SpreadsheetUpload,
  ): Promise<CountImportResultDto> {
    return this.countImports.import(context, body, query);
  }

  @Post('transfers')
  @ApiOperation({ operationId: 'transferStock', summary: 'Transfer stock', description: 'Moves units between two stores of the shop.' })
  @RequirePermissions('inventory:manage')
  @ApiCreatedResponse({ type: TransferResultDto })
  transfer(@Ctx() context: RequestContext, @Body() transfer: TransferDto): Promise<TransferResultDto> {
    return this.inventory.transfer(context, transfer);
  }

  @Get('levels')
  @ApiOperation({
    operationId: 'listStockLevels',
    summary: 'List stock levels',
    description:
      'On hand per store and product, one page at a time. Products that never moved in a store are left out unless `includeZero=true`, which lists them at 0.',
  })
  @RequirePermissions('inventory:read')
  @ApiOkResponse({ type: StockLevelListDto })
  levels(@Ctx() context: RequestContext, @Query() query: StockLevelQueryDto): Promise<StockLevelListDto> {
    return this.inventory.levels(context, query);
  }

  @Get('levels/export')
  @ApiOperation({ operationId: 'exportStockLevels', summary: 'Export stock levels', description: 'Stock levels of the stores you can see, as CSV or xlsx.' })
  @RequirePermissions('inventory:read')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'Stock levels of the stores you can see, as CSV or xlsx.' })
  async exportLevels(@Ctx() context: RequestContext, @Query() query: LevelsExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendExport(reply, await this.inventory.exportLevels(context, query), transactionOutcome(context.manager));
  }

  @Patch('levels/:storeId/:productId')
  @ApiOperation({ summary: 'Set a reorder point', description: "Sets or clears the store's reorder point for the product." })
  @RequirePermissions('inventory:manage')
  @ApiOkResponse({ type: StockLevelDto, description: "Sets or clears this store's reorder point for the product." })
  setReorderPoint(
    @Ctx() context: RequestContext,
    @IdParam('storeId') storeId: string,
    @IdParam('productId') productId: string,
    @Body() body: SetReorderPointDto,
  ): Promise<StockLevelDto> {
    return this.inventory.setReorderPoint(context, storeId, productId, body.reorderPoint);
  }

  @Get('ledger/export')
  @ApiOperation({
    operationId: 'exportStockLedger',
    summary: 'Export the stock ledger',
    description: 'The stock ledger of the stores you can see, oldest first, as CSV or xlsx.',
  })
  @RequirePermissions('inventory:read')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The stock ledger of the stores you can see, oldest first, as CSV or xlsx.' })
  async exportLedger(@Ctx() context: RequestContext, @Query() query: LevelsExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendExport(reply, await this.inventory.exportLedger(context, query), transactionOutcome(context.manager));
  }

  @Get('ledger')
  @ApiOperation({
    operationId: 'listStockLedger',
    summary: 'List stock ledger entries',
    description: 'Every stock movement, newest first, one page at a time.',
  })
  @RequirePermissions('inventory:read')
  @ApiOkResponse({ type: LedgerListDto, description: 'Newest first.' })
  ledger(@Ctx() context: RequestContext, @Query() query: LedgerQueryDto): Promise<LedgerListDto> {
    return this.inventory.ledger(context, query);
  }

  @Get('reconcile')
  @ApiOperation({
    operationId: 'reconcileStock',
    summary: 'Reconcile stock with the ledger',
    description: 'Compares on hand with the sum of the ledger for every product and store.',
  })
  @RequirePermissions('inventory:read')
  @ApiOkResponse({ type: ReconcileDto })
  reconcile(@Ctx() context: RequestContext): Promise<ReconcileDto> {
    return this.inventory.reconcile(context);
  }
}
