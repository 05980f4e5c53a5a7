import { Body, Controller, Get, Headers, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, expectedVersion, RequestContext, RequirePermissions } from '@kassa/api/http';
import {
  CreateDraftOrdersDto,
  DraftOrderListDto,
  OnOrderListDto,
  OnOrderQueryDto,
  PurchasingSettingsDto,
  ReorderSuggestionListDto,
  StoreQueryDto,
  UpdatePurchasingSettingsDto,
} from './dto/purchasing.dto';
import { PurchaseOrdersService } from './purchase-orders.service';
import { PurchasingSettingsService } from './purchasing-settings.service';
import { ReorderSuggestionsService } from './reorder-suggestions.service';

@ApiTags('purchasing')
@ApiBearerAuth()
@Controller('purchasing')
export class PurchasingController {
  constructor(
    private readonly settings: PurchasingSettingsService,
    private readonly orders: PurchaseOrdersService,
    private readonly reorder: ReorderSuggestionsService,
  ) {}

  @Get('settings')
  @ApiOperation({ operationId: 'getPurchasingSettings', summary: 'Get purchasing settings', description: 'The approval threshold and review period.' })
  @RequirePermissions('purchasing:read')
  @ApiOkResponse({ type: PurchasingSettingsDto })
  getSettings(@Ctx() context: RequestContext): Promise<PurchasingSettingsDto> {
    return this.settings.get(context);
  }

  @Patch('settings')
  @ApiOperation({
    operationId: 'updatePurchasingSettings',
    summary: 'Update purchasing settings',
    description: 'Owners set the approval threshold and the review period.',
  })
  @RequirePermissions('tenant:manage')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you read; 412 if it changed since.' })
  @ApiOkResponse({ type: PurchasingSettingsDto, description: 'Owners set the approval threshold and the review period.' })
  updateSettings(@Ctx() context: RequestContext, @Body() changes: UpdatePurchasingSettingsDto, @Headers('if-match') ifMatch: string | undefined) {
    return this.settings.update(context, changes, expectedVersion(ifMatch));
  }

  @Get('on-order')
  @ApiOperation({ operationId: 'listOnOrder', summary: 'List stock on order', description: 'Units still due per store and product.' })
  @RequirePermissions('purchasing:read')
  @ApiOkResponse({ type: OnOrderListDto, description: 'Units still due per store and product on approved, ordered and partially received orders.' })
  onOrder(@Ctx() context: RequestContext, @Query() query: OnOrderQueryDto): Promise<OnOrderListDto> {
    return this.orders.onOrder(context, query);
  }

  @Get('reorder-suggestions')
  @ApiOperation({
    operationId: 'listReorderSuggestions',
    summary: 'List reorder suggestions',
    description: 'What to order per store and product from sales velocity, lead time and stock.',
  })
  @RequirePermissions('purchasing:read')
  @ApiOkResponse({
    type: ReorderSuggestionListDto,
    description:
      'Products with a preferred supplier where onHand − v·L ≤ reorderPoint (v: net units sold over the last 28 whole local days ÷ 28; L: lead time), ' +
      'with quantity ceil(max(v·(L+R) + ceil(3v) − onHand − onOrder, minOrderQuantity) / packSize) · packSize.',
  })
  suggestions(@Ctx() context: RequestContext, @Query() query: StoreQueryDto): Promise<ReorderSuggestionListDto> {
    return this.reorder.suggest(context, query.storeId);
  }

  @Post('reorder-suggestions/draft-orders')
  @ApiOperation({
    operationId: 'draftReorderPurchaseOrders',
    summary: 'Draft orders from suggestions',
    description: 'One draft purchase order per supplier from the chosen suggestions.',
  })
  @RequirePermissions('purchasing:manage')
  @ApiCreatedResponse({ type: DraftOrderListDto })
  draftOrders(@Ctx() context: RequestContext, @Body() input: CreateDraftOrdersDto): Promise<DraftOrderListDto> {
    return this.reorder.createDrafts(context, input);
  }
}
