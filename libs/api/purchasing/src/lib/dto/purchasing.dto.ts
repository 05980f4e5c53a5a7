import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { MAX_AMOUNT_MINOR } from '@kassa/contracts';
import { PurchaseOrderDto } from './purchase-order.dto';

export class PurchasingSettingsDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Orders above this total need an owner to approve; null: no limit.' })
  approvalThresholdMinor!: number | null;
  @ApiProperty({ description: 'R in reorder suggestions: days between orders.' }) reviewPeriodDays!: number;
  @ApiProperty() version!: number;
}

export class UpdatePurchasingSettingsDto {
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0 })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  approvalThresholdMinor?: number | null;
  @ApiPropertyOptional({ minimum: 1, maximum: 365 }) @IsOptional() @IsInt() @Min(1) @Max(365) reviewPeriodDays?: number;
}

export class StoreQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() storeId!: string;
}

export class OnOrderQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() productId?: string;
}

export class OnOrderDto {
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({ description: 'Units still due on approved, ordered and partially received orders.' }) quantity!: number;
}

export class OnOrderListDto {
  @ApiProperty({ type: [OnOrderDto] }) items!: OnOrderDto[];
}

export class ReorderSuggestionDto {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) supplierId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty({ description: 'Net units sold in the store over the last 28 whole local days (v = unitsSold / 28).' }) unitsSold!: number;
  @ApiProperty() onHand!: number;
  @ApiProperty() onOrder!: number;
  @ApiProperty({ type: Number, nullable: true }) reorderPoint!: number | null;
  @ApiProperty() leadTimeDays!: number;
  @ApiProperty() reviewPeriodDays!: number;
  @ApiProperty() safetyStock!: number;
  @ApiProperty() packSize!: number;
  @ApiProperty() minOrderQuantity!: number;
  @ApiProperty() unitCostMinor!: number;
  @ApiProperty({ description: 'Units to order, in whole packs.' }) quantity!: number;
}

export class ReorderSuggestionListDto {
  @ApiProperty({ type: [ReorderSuggestionDto] }) items!: ReorderSuggestionDto[];
}

export class CreateDraftOrdersDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() storeId!: string;
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  productIds!: string[];
}

export class DraftOrderListDto {
  @ApiProperty({ type: [PurchaseOrderDto], description: 'One draft per preferred supplier.' }) items!: PurchaseOrderDto[];
}
