import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
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
import { IsTimestamp } from '@kassa/api/http';
import { REFUND_FLAGS, RefundFlag, TENDER_TYPES, TenderType } from '@kassa/contracts';
import { SaleApprovalDto, TenderInputDto } from './create-sale.dto';

export class RefundLineInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The sale line; or `position`.' })
  @ValidateIf((line: RefundLineInputDto) => line.position === undefined || line.saleLineId !== undefined)
  @IsUUID()
  saleLineId?: string;

  @ApiPropertyOptional({
    minimum: 0,
    description: "The line's place in the sale as sent (0 first), instead of `saleLineId`: a till refunding a sale it has not synced yet.",
  })
  @ValidateIf((line: RefundLineInputDto) => line.saleLineId === undefined)
  @IsInt()
  @Min(0)
  @Max(499)
  position?: number;

  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100_000) quantity!: number;
  @ApiProperty({ description: 'Put the units back in stock (false for damaged goods).' }) @IsBoolean() restock!: boolean;
}

export class CreateRefundDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "A client id (a till's queue): the same body sent again answers the recorded refund; another body under it is 422 `idempotency_key_reused` naming `id`.",
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ type: [RefundLineInputDto] })
  @ValidateNested({ each: true })
  @Type(() => RefundLineInputDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique((line: RefundLineInputDto) => line.saleLineId ?? line.position, { message: 'each sale line may appear once' })
  lines!: RefundLineInputDto[];

  @ApiProperty({ type: [TenderInputDto], description: 'How the money goes back; the amounts must equal the refund total.' })
  @ValidateNested({ each: true })
  @Type(() => TenderInputDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  tenders!: TenderInputDto[];

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) reason!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the money went back (offline refunds); now when omitted.' })
  @IsOptional()
  @IsTimestamp()
  occurredAt?: string;

  @ApiPropertyOptional({
    description:
      "Made without the network: only from a user signed in by PIN on a paired till, for the till's own register (else 403 `offline_sale_forbidden`).",
  })
  @IsOptional()
  @IsBoolean()
  offline?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: "The drawer that paid out; defaults to the sale's register. A register of the sale's store." })
  @IsOptional()
  @IsUUID()
  registerId?: string;

  @ApiPropertyOptional({
    type: SaleApprovalDto,
    description:
      'Without `sales:refund` (a cashier, who holds `sales:create`): the PIN approval of a user whose role holds `sales:refund` and who works in ' +
      "the sale's store, recorded as `approvedBy`. Online: missing → 403 `forbidden` naming `approval`; wrong PIN → 401 `pin_invalid` naming " +
      '`approval.pin`; an approver without the permission or of another store → 403 naming `approval.userId`. Offline refunds are recorded ' +
      'whatever the approval gave (the money went out), flagged `approval_unverified` when it did not hold.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SaleApprovalDto)
  approval?: SaleApprovalDto;
}

export class RefundLineDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) saleLineId!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() restock!: boolean;
  @ApiProperty() taxRateBps!: number;
  @ApiProperty({ description: "This line's share of what was paid for it, tax included." }) amountMinor!: number;
  @ApiProperty() taxMinor!: number;
}

export class RefundTenderDto {
  @ApiProperty({ enum: TENDER_TYPES }) type!: TenderType;
  @ApiProperty() amountMinor!: number;
}

export class RefundDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) saleId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() totalMinor!: number;
  @ApiProperty() taxMinor!: number;
  @ApiProperty({ format: 'uuid', description: 'The register whose drawer paid the refund out.' }) registerId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "That register's open shift at the refund." }) shiftId!: string | null;
  @ApiProperty({ enum: ['user', 'api_key'] }) actorType!: 'user' | 'api_key';
  @ApiProperty({ format: 'uuid' }) actorId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When it happened: `occurredAt` as sent, else when it was recorded.' }) occurredAt!: string;
  @ApiProperty() offline!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The user whose PIN approved a cashier's refund." }) approvedBy!: string | null;
  @ApiProperty({ enum: REFUND_FLAGS, isArray: true, description: 'What could not be checked when it was made offline.' }) flags!: RefundFlag[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a manager reviewed an offline refund.' }) reviewedAt!: string | null;
  @ApiProperty({ type: [RefundLineDto] }) lines!: RefundLineDto[];
  @ApiProperty({ type: [RefundTenderDto] }) tenders!: RefundTenderDto[];
}

export class RefundReviewDto extends RefundDto {
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ type: Number, nullable: true, description: "The refunded sale's receipt number." }) receiptNumber!: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reviewedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewNote!: string | null;
}

export class RefundReviewListDto {
  @ApiProperty({ type: [RefundReviewDto] }) items!: RefundReviewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class RefundListDto {
  @ApiProperty({ type: [RefundDto] }) items!: RefundDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class VoidSaleDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) reason!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The register whose drawer pays the sale back; the sale's register when omitted." })
  @IsOptional()
  @IsUUID()
  registerId?: string;
}
