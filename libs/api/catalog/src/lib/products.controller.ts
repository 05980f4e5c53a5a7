import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { transactionOutcome } from '@kassa/api/database';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Ctx, etagOf, expectedVersion, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { ImportBodyPipe, MAPPING_FIELD_DESCRIPTION, sendExport, SpreadsheetImportRoute, SpreadsheetUpload } from '@kassa/api/spreadsheets';
import type { FastifyReply } from 'fastify';
import {
  CreateProductDto,
  ExportQueryDto,
  ImportQueryDto,
  ImportResultDto,
  ProductDto,
  ProductImportDto,
  ProductListDto,
  ProductQueryDto,
  RestoreProductDto,
  UpdateProductDto,
} from './dto/product.dto';
import { ProductImportService } from './product-import.service';
import { ProductsService } from './products.service';
import { EarlyCacheHit } from '@kassa/api/cache';
import { productListKeyOfRequest } from './catalog-cache-keys';

const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag (version) you read; 412 if it changed since.' };

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('products')
export class ProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly imports: ProductImportService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List products',
    description: 'The catalog, filtered by text, category and status, one page at a time: pass `nextCursor` back as `cursor`.',
  })
  @RequirePermissions('catalog:read')
  @EarlyCacheHit('product-list', productListKeyOfRequest)
  @ApiOkResponse({ type: ProductListDto })
  list(@Ctx() context: RequestContext, @Query() query: ProductQueryDto): Promise<ProductListDto> {
    return this.products.list(context, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a product', description: 'A product with its SKU, prices in minor units and barcodes; the answer carries its `ETag`.' })
  @RequirePermissions('catalog:manage')
  @ApiCreatedResponse({ type: ProductDto })
  async create(@Ctx() context: RequestContext, @Body() input: CreateProductDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProductDto> {
    const product = await this.products.create(context, input);
    reply.header('etag', etagOf(product.version));
    return product;
  }

  @Post('import')
  @ApiOperation({
    operationId: 'importProducts',
    summary: 'Import products',
    description: 'Upserts products by SKU from JSON rows or a spreadsheet (CSV, xlsx, xls, ods), all or nothing.',
  })
  @RequirePermissions('catalog:manage')
  @HttpCode(200)
  @SpreadsheetImportRoute(ProductImportDto, {
    mapping: { type: 'string', description: MAPPING_FIELD_DESCRIPTION },
    dryRun: { type: 'boolean', description: 'Validate only.' },
  })
  @ApiOkResponse({
    type: ImportResultDto,
    description: 'Upserts by SKU, all or nothing. dryRun=true only reports; with problems and no dryRun: 422 import_invalid, nothing written.',
  })
  import(
    @Ctx() context: RequestContext,
    @Query() query: ImportQueryDto,
    @Body(new ImportBodyPipe(ProductImportDto)) body: ProductImportDto | SpreadsheetUpload,
  ): Promise<ImportResultDto> {
    return this.imports.import(context, body, query);
  }

  @Get('export')
  @ApiOperation({
    operationId: 'exportProducts',
    summary: 'Export products',
    description: 'Every product matching the filters as CSV (importable again) or xlsx.',
  })
  @RequirePermissions('catalog:read')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'Every product as CSV (raw values, importable again) or xlsx (typed cells).' })
  async export(@Ctx() context: RequestContext, @Query() query: ExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendExport(
      reply,
      await this.products.export(context, query.format, query.bom ?? false, query.columns, { q: query.q, categoryId: query.categoryId, active: query.active }),
      transactionOutcome(context.manager),
    );
  }

  @Get('by-barcode/:code')
  @ApiOperation({
    operationId: 'getProductByBarcode',
    summary: 'Look a product up by barcode',
    description: 'For scanners: any GTIN form (8, 12, 13 or 14 digits) finds the product.',
  })
  @RequirePermissions('catalog:read')
  @ApiOkResponse({ type: ProductDto, description: 'For scanners: 404 when no product has this barcode.' })
  byBarcode(@Ctx() context: RequestContext, @Param('code') code: string): Promise<ProductDto> {
    return this.products.byBarcode(context, code);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a product', description: 'One product with its barcodes; the answer carries its `ETag`.' })
  @RequirePermissions('catalog:read')
  @ApiOkResponse({ type: ProductDto })
  async get(@Ctx() context: RequestContext, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProductDto> {
    const product = await this.products.detail(context, id);
    reply.header('etag', etagOf(product.version));
    return product;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a product', description: 'Changes some fields; send `If-Match` with the ETag you read to refuse a lost update.' })
  @RequirePermissions('catalog:manage')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ProductDto })
  async update(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Body() changes: UpdateProductDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProductDto> {
    const product = await this.products.update(context, id, changes, expectedVersion(ifMatch));
    reply.header('etag', etagOf(product.version));
    return product;
  }

  @Post(':id/restore')
  @ApiOperation({ summary: 'Restore a deleted product', description: 'Undoes a delete, with the barcodes given back.' })
  @RequirePermissions('catalog:manage')
  @HttpCode(200)
  @ApiOkResponse({ type: ProductDto, description: 'Undoes a delete (with the barcodes given back); 409 sku_taken if the SKU was reused meanwhile.' })
  async restore(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Body() body: RestoreProductDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProductDto> {
    const product = await this.products.restore(context, id, body.barcodes ?? []);
    reply.header('etag', etagOf(product.version));
    return product;
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a product', description: 'Soft delete: gone from lists, search and barcode lookup; history keeps it.' })
  @RequirePermissions('catalog:manage')
  @HttpCode(204)
  @ApiHeader(IF_MATCH)
  @ApiNoContentResponse({ description: 'Soft-deleted: gone from lists, search and barcode lookup; history keeps it.' })
  delete(@Ctx() context: RequestContext, @IdParam() id: string, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    return this.products.delete(context, id, expectedVersion(ifMatch));
  }
}
