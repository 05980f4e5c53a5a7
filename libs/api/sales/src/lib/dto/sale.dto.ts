import { ApiProperty } from '@nestjs/swagger';
import { type Discount, SALE_FLAGS, SaleFlag, TENDER_TYPES, TenderType } from '@kassa/contracts';
import { DiscountDto } from './discount.dto';

export class SaleLineDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() unitPriceMinor!: number;
  @ApiProperty({ description: 'The catalog price when the sale was recorded.' }) listPriceMinor!: number;
  @ApiProperty() taxRateBps!: number;
  @ApiProperty({ type: DiscountDto, nullable: true }) discount!: Discount | null;
  @ApiProperty({ description: 'unit price × quantity' }) grossMinor!: number;
  @ApiProperty() lineDiscountMinor!: number;
  @ApiProperty({ description: "This line's share of the sale discount." }) saleDiscountMinor!: number;
  @ApiProperty() taxMinor!: number;
  @ApiProperty() totalMinor!: number;
  @ApiProperty({ enum: SALE_FLAGS, isArray: true }) flags!: SaleFlag[];
  @ApiProperty({ description: 'Units of the line refunded so far.' }) refundedQuantity!: number;
}

export class TenderDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: TENDER_TYPES }) type!: TenderType;
  @ApiProperty() amountMinor!: number;
  @ApiProperty({ description: 'A card tender taken while the till had no network.' }) offline!: boolean;
}

export class NegativeStockLineDto {
  @ApiProperty({ format: 'uuid' }) lineId!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({ description: 'On hand in the store after the sale.' }) onHand!: number;
}

export class SaleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ format: 'uuid' }) registerId!: string;
  @ApiProperty() receiptNumber!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) customerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) customerName!: string | null;
  @ApiProperty({ enum: ['completed', 'voided'] }) status!: 'completed' | 'voided';
  @ApiProperty() offline!: boolean;
  @ApiProperty({ enum: SALE_FLAGS, isArray: true, description: 'Sale and line deviations of an offline sale, for review.' }) flags!: SaleFlag[];
  @ApiProperty() currency!: string;
  @ApiProperty() pricesIncludeTax!: boolean;
  @ApiProperty({ type: DiscountDto, nullable: true }) discount!: Discount | null;
  @ApiProperty() subtotalMinor!: number;
  @ApiProperty() discountMinor!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The user who approved a discount beyond the seller's allowance at the till." })
  discountApprovedBy!: string | null;
  @ApiProperty() taxMinor!: number;
  @ApiProperty() totalMinor!: number;
  @ApiProperty() tenderedMinor!: number;
  @ApiProperty() changeDueMinor!: number;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ enum: ['user', 'api_key'] }) actorType!: 'user' | 'api_key';
  @ApiProperty({ format: 'uuid', description: 'The cashier (user) or API key that recorded it.' }) actorId!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [SaleLineDto] }) lines!: SaleLineDto[];
  @ApiProperty({ type: [TenderDto] }) tenders!: TenderDto[];
  @ApiProperty({ type: [NegativeStockLineDto], description: 'Lines that left the store below zero.' }) negativeStockLines!: NegativeStockLineDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) voidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) voidReason!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The register's shift (drawer) the sale was rung up in; null without an open shift.",
  })
  shiftId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The register whose drawer paid the voided sale back.' })
  voidRegisterId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "That register's shift at the void." })
  voidShiftId!: string | null;
}

export class SaleListItemDto extends SaleDto {
  @ApiProperty({ description: 'What its refunds gave back so far (0 when none).' }) refundedMinor!: number;
}

export class SaleListDto {
  @ApiProperty({ type: [SaleDto] }) items!: SaleDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** The sales list: sales with what their refunds gave back. */
export class SaleSearchListDto {
  @ApiProperty({ type: [SaleListItemDto] }) items!: SaleListItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
