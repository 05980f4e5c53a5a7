import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'List customers', description: 'Customers found by name, email or phone, one page at a time.' })
  @RequirePermissions('customers:read')
  @ApiOkResponse({ type: CustomerListDto })
  list(@Ctx() context: RequestContext, @Query() query: CustomerQueryDto): Promise<CustomerListDto> {
    return this.customers.list(context, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a customer',
    description: 'Idempotent on the client-chosen `id`; `merge` answers an existing customer with the same email or phone instead of a conflict.',
  })
  @RequirePermissions('customers:manage')
  @ApiCreatedResponse({ type: CustomerDto })
  @ApiOkResponse({ type: CustomerDto, description: 'The customer the shop already had: the same client `id` again, or `merge` matched its email or phone.' })
  async create(@Ctx() context: RequestContext, @Body() input: CreateCustomerDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<CustomerDto> {
    const { customer, existing } = await this.customers.create(context, input);
    if (existing) reply.status(200);
    return customer;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a customer', description: 'One customer with their purchase totals.' })
  @RequirePermissions('customers:read')
  @ApiOkResponse({ type: CustomerDetailDto })
  get(@Ctx() context: RequestContext, @IdParam() id: string): Promise<CustomerDetailDto> {
    return this.customers.detail(context, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a customer', description: 'Changes contact details and consent.' })
  @RequirePermissions('customers:manage')
  @ApiOkResponse({ type: CustomerDto })
  update(@Ctx() context: RequestContext, @IdParam() id: string, @Body() changes: UpdateCustomerDto): Promise<CustomerDto> {
    return this.customers.update(context, id, changes);
  }

  @Post(':id/erase')
  @ApiOperation({ summary: 'Erase a customer', description: 'Anonymizes the personal fields; sales keep pointing at the customer.' })
  @RequirePermissions('customers:erase')
  @HttpCode(200)
  @ApiOkResponse({ type: CustomerDto, description: 'Anonymizes the personal fields; sales keep pointing at the customer.' })
  erase(@Ctx() context: RequestContext, @IdParam() id: string): Promise<CustomerDto> {
    return this.customers.erase(context, id);
  }
}
