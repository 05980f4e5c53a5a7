import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, etagOf, expectedVersion, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import type { FastifyReply } from 'fastify';
import {
  CreateSupplierDto,
  PutSupplierProductDto,
  SupplierDetailDto,
  SupplierDto,
  SupplierListDto,
  SupplierProductDto,
  SupplierQueryDto,
  UpdateSupplierDto,
} from './dto/supplier.dto';
import { SuppliersService } from './suppliers.service';

const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag (version) you read; 412 if it changed since.' };

@ApiTags('purchasing')
@ApiBearerAuth()
@Controller('suppliers')
export class SuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Get()
  @ApiOperation({ summary: 'List suppliers', description: "The shop's suppliers by name." })
  @RequirePermissions('purchasing:read')
  @ApiOkResponse({ type: SupplierListDto, description: 'By name.' })
  list(@Ctx() context: RequestContext, @Query() query: SupplierQueryDto): Promise<SupplierListDto> {
    return this.suppliers.list(context, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a supplier', description: 'A supplier with its contact and terms.' })
  @RequirePermissions('purchasing:manage')
  @ApiCreatedResponse({ type: SupplierDto })
  create(@Ctx() context: RequestContext, @Body() input: CreateSupplierDto): Promise<SupplierDto> {
    return this.suppliers.create(context, input);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a supplier', description: 'With the products it supplies and their terms.' })
  @RequirePermissions('purchasing:read')
  @ApiOkResponse({ type: SupplierDetailDto, description: 'With the products it supplies and their terms.' })
  async get(@Ctx() context: RequestContext, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<SupplierDetailDto> {
    const supplier = await this.suppliers.detail(context, id);
    reply.header('etag', etagOf(supplier.version));
    return supplier;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a supplier', description: 'Changes contact or terms; send `If-Match` with the version you read.' })
  @RequirePermissions('purchasing:manage')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: SupplierDto })
  async update(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @Body() changes: UpdateSupplierDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SupplierDto> {
    const supplier = await this.suppliers.update(context, id, changes, expectedVersion(ifMatch));
    reply.header('etag', etagOf(supplier.version));
    return supplier;
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a supplier', description: 'Its purchase orders stay; it takes no new ones.' })
  @RequirePermissions('purchasing:manage')
  @HttpCode(204)
  @ApiHeader(IF_MATCH)
  @ApiNoContentResponse({ description: 'Its purchase orders stay; it takes no new ones and stops being anyone’s preferred supplier.' })
  delete(@Ctx() context: RequestContext, @IdParam() id: string, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    return this.suppliers.delete(context, id, expectedVersion(ifMatch));
  }

  @Put(':id/products/:productId')
  @ApiOperation({
    operationId: 'setSupplierProduct',
    summary: "Set a supplier's terms for a product",
    description: 'What the supplier charges for the product, pack size and minimum order.',
  })
  @RequirePermissions('purchasing:manage')
  @ApiOkResponse({
    type: SupplierProductDto,
    description: 'Sets what the supplier charges for the product; `preferred: true` makes it the one preferred supplier.',
  })
  putProduct(
    @Ctx() context: RequestContext,
    @IdParam() id: string,
    @IdParam('productId') productId: string,
    @Body() input: PutSupplierProductDto,
  ): Promise<SupplierProductDto> {
    return this.suppliers.putProduct(context, id, productId, input);
  }
}
