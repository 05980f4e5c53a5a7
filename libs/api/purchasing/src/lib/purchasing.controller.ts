import { Body, Controller, Get, Headers, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @RequirePermissions('purchasing:read')
  @ApiOkResponse({ type: PurchasingSettingsDto })
  getSettings(@Ctx() context: RequestContext): Promise<PurchasingSettingsDto> {
    return this.settings.get(context);
  }

  @Patch('settings')
  @RequirePermissions('tenant:manage')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you read; 412 if it changed since.' })
  @ApiOkResponse({ type: PurchasingSettingsDto, description: 'Owners set the approval threshold and the review period.' })
  updateSettings(@Ctx() context: RequestContext, @Body() changes: UpdatePurchasingSettingsDto, @Headers('if-match') ifMatch: string | undefined) {
    return this.settings.update(context, changes, expectedVersion(ifMatch));
  }

  @Get('on-order')
  @RequirePermissions('purchasing:read')
  @ApiOkResponse({ type: OnOrderListDto, description: 'Units still due per store and product on approved, ordered and partially received orders.' })
  onOrder(@Ctx() context: RequestContext, @Query() query: OnOrderQueryDto): Promise<OnOrderListDto> {
    return this.orders.onOrder(context, query);
  }

  @Get('reorder-suggestions')
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
  @RequirePermissions('purchasing:manage')
  @ApiCreatedResponse({ type: DraftOrderListDto })
  draftOrders(@Ctx() context: RequestContext, @Body() input: CreateDraftOrdersDto): Promise<DraftOrderListDto> {
    return this.reorder.createDrafts(context, input);
  }
}
