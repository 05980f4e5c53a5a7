import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { CustomersService } from './customers.service';
import { CreateCustomerDto, CustomerDetailDto, CustomerDto, CustomerListDto, CustomerQueryDto, UpdateCustomerDto } from './dto/customer.dto';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @RequirePermissions('customers:read')
  @ApiOkResponse({ type: CustomerListDto })
  list(@Ctx() context: RequestContext, @Query() query: CustomerQueryDto): Promise<CustomerListDto> {
    return this.customers.list(context, query);
  }

  @Post()
  @RequirePermissions('customers:manage')
  @ApiCreatedResponse({ type: CustomerDto })
  @ApiOkResponse({ type: CustomerDto, description: 'The customer the shop already had: the same client `id` again, or `merge` matched its email or phone.' })
  async create(@Ctx() context: RequestContext, @Body() input: CreateCustomerDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<CustomerDto> {
    const { customer, existing } = await this.customers.create(context, input);
    if (existing) reply.status(200);
    return customer;
  }

  @Get(':id')
  @RequirePermissions('customers:read')
  @ApiOkResponse({ type: CustomerDetailDto })
  get(@Ctx() context: RequestContext, @IdParam() id: string): Promise<CustomerDetailDto> {
    return this.customers.detail(context, id);
  }

  @Patch(':id')
  @RequirePermissions('customers:manage')
  @ApiOkResponse({ type: CustomerDto })
  update(@Ctx() context: RequestContext, @IdParam() id: string, @Body() changes: UpdateCustomerDto): Promise<CustomerDto> {
    return this.customers.update(context, id, changes);
  }

  @Post(':id/erase')
  @RequirePermissions('customers:erase')
  @HttpCode(200)
  @ApiOkResponse({ type: CustomerDto, description: 'Anonymizes the personal fields; sales keep pointing at the customer.' })
  erase(@Ctx() context: RequestContext, @IdParam() id: string): Promise<CustomerDto> {
    return this.customers.erase(context, id);
  }
}
