import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_AMOUNT_MINOR } from '@kassa/contracts';
import { IsCalendarDate, PageQueryDto } from '@kassa/api/http';
import { PURCHASE_ORDER_STATUSES, PurchaseOrderStatus } from '@kassa/contracts';

const MAX_QUANTITY = 1_000_000;
const MAX_LINES = 500;

export class PurchaseOrderLineDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Ordered, in units.' }) quantity!: number;
  @ApiProperty() receivedQuantity!: number;
  @ApiProperty({ description: 'Units still due: ordered less received, never below 0.' }) outstandingQuantity!: number;
  @ApiProperty() unitCostMinor!: number;
  @ApiProperty() totalMinor!: number;
  @ApiProperty({ type: Number, nullable: true, description: "The supplier's pack size, for showing packs." }) packSize!: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) expectedDate!: string | null;
}

export class PurchaseOrderDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'PO-000123', description: 'Gapless per shop.' }) number!: string;
  @ApiProperty({ format: 'uuid' }) supplierId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty({ format: 'uuid', description: 'Where the goods are delivered.' }) storeId!: string;
  @ApiProperty({ enum: PURCHASE_ORDER_STATUSES }) status!: PurchaseOrderStatus;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason!: string | null;
  @ApiProperty() totalMinor!: number;
  @ApiProperty({ type: [PurchaseOrderLineDto] }) lines!: PurchaseOrderLineDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) approvedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) orderedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PurchaseOrderListDto {
  @ApiProperty({ type: [PurchaseOrderDto] }) items!: PurchaseOrderDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class NewPurchaseOrderLineDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() productId!: string;
  @ApiProperty({ minimum: 1, description: 'Units (not packs).' }) @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity!: number;
  @ApiPropertyOptional({ minimum: 0, description: "The supplier's cost for the product when omitted, else the product's cost." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  unitCostMinor?: number;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsCalendarDate() expectedDate?: string;
}

export class CreatePurchaseOrderDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() supplierId!: string;
  @ApiProperty({ format: 'uuid', description: 'The store the goods are delivered to.' }) @IsUUID() storeId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiProperty({ type: [NewPurchaseOrderLineDto], description: 'One line per product.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => NewPurchaseOrderLineDto)
  lines!: NewPurchaseOrderLineDto[];
}

/** Drafts only; `lines` replaces every line. */
export class UpdatePurchaseOrderDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() supplierId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @ValidateIf((_, value) => value !== null) @IsOptional() @IsString() @MaxLength(2000) note?:
    string | null;
  @ApiPropertyOptional({ type: [NewPurchaseOrderLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => NewPurchaseOrderLineDto)
  lines?: NewPurchaseOrderLineDto[];
}

export class RejectPurchaseOrderDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}

export class PurchaseOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PURCHASE_ORDER_STATUSES }) @IsOptional() @IsIn(PURCHASE_ORDER_STATUSES) status?: PurchaseOrderStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() supplierId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
}

export class ReceiptLineInputDto {
  @ApiProperty({ format: 'uuid', description: 'A line of this purchase order.' }) @IsUUID() lineId!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity!: number;
  @ApiPropertyOptional({ minimum: 0, description: "What the units cost on the invoice; the line's unit cost when omitted." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  unitCostMinor?: number;
}

export class CreateReceiptDto {
  @ApiProperty({ type: [ReceiptLineInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineInputDto)
  lines!: ReceiptLineInputDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ description: 'Take in more than was ordered (needs purchasing:approve).' }) @IsOptional() @IsBoolean() allowOver?: boolean;
}

export class ReceiptLineDto {
  @ApiProperty({ format: 'uuid' }) lineId!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() unitCostMinor!: number;
  @ApiProperty({ format: 'uuid', description: 'The stock ledger row (reason `receipt`).' }) ledgerEntryId!: string;
}

export class ReceiptDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) purchaseOrderId!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: [ReceiptLineDto] }) lines!: ReceiptLineDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: PurchaseOrderDto, description: 'The order after the receipt.' }) purchaseOrder!: PurchaseOrderDto;
}

export class ReceiptListDto {
  @ApiProperty({ type: [ReceiptDto] }) items!: Omit<ReceiptDto, 'purchaseOrder'>[];
}
