import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsTimestamp } from '@kassa/api/http';
import { MAX_AMOUNT_MINOR, TENDER_TYPES, TenderType } from '@kassa/contracts';
import { DiscountDto } from './discount.dto';
import { PIN_PATTERN } from '@kassa/api/auth';

const MAX_QUANTITY = 100_000;

export class SaleLineInputDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() productId!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity!: number;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'The catalog price when omitted. Another price needs `sales:override_price` (offline sales keep theirs).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  unitPriceMinor?: number;

  @ApiPropertyOptional({ type: DiscountDto, description: "Counts with the sale's other discounts against the seller's allowance (`discountLimitBps`)." })
  @IsOptional()
  @ValidateNested()
  @Type(() => DiscountDto)
  discount?: DiscountDto;
}

export class TenderInputDto {
  @ApiProperty({ enum: TENDER_TYPES }) @IsIn(TENDER_TYPES) type!: TenderType;
  @ApiProperty({ minimum: 1, description: 'What the customer handed over; cash may exceed the total (change is computed).' })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_MINOR)
  amountMinor!: number;

  @ApiPropertyOptional({
    description:
      "A card tender taken while the till had no network (the terminal's own approval): only on a `card` tender of an `offline` sale (else 400 naming it). Where the shop does not allow offline cards (`offlineCardAllowed`), the sale is flagged `offline_limit_exceeded`.",
  })
  @IsOptional()
  @IsBoolean()
  offline?: boolean;
}

export class SaleApprovalDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The approving user: for a discount, their own allowance must cover it; for a refund, their role holds `sales:refund`.',
  })
  @IsUUID()
  userId!: string;

  @ApiProperty({ description: "The approver's PIN; a wrong one counts toward their PIN lockout.", example: '2580' })
  @IsString()
  @Matches(PIN_PATTERN, { message: 'pin must be 4 to 8 digits' })
  pin!: string;
}

export class CreateSaleDto {
  @ApiPropertyOptional({ format: 'uuid', description: "The client's id for the sale (a POS sends one): a resend with the same body replays." })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID() storeId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The store's `api` register when omitted." })
  @IsOptional()
  @IsUUID()
  registerId?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'Required from a POS register (it numbers its own receipts); the server numbers the api register.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  receiptNumber?: number;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() customerId?: string;

  @ApiProperty({ type: [SaleLineInputDto] })
  @ValidateNested({ each: true })
  @Type(() => SaleLineInputDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  lines!: SaleLineInputDto[];

  @ApiPropertyOptional({
    type: DiscountDto,
    description:
      "Off the whole sale, spread over the lines. Line and sale discounts together may take at most the seller's share of the gross (the shop's `discountLimitBps`: owners unlimited, holders of `sales:discount` the manager limit, others the cashier limit); beyond it 403 `discount_forbidden`, or for an offline sale the flag `discount_unapproved`.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DiscountDto)
  discount?: DiscountDto;

  @ApiPropertyOptional({
    type: SaleApprovalDto,
    description:
      "A discount beyond the seller's allowance, approved at the till by a user (PIN) whose own allowance covers it; the sale records them as `discountApprovedBy`.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SaleApprovalDto)
  approval?: SaleApprovalDto;

  @ApiProperty({ type: [TenderInputDto] })
  @ValidateNested({ each: true })
  @Type(() => TenderInputDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  tenders!: TenderInputDto[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it was rung up (offline sales); now when omitted.' })
  @IsOptional()
  @IsTimestamp()
  occurredAt?: string;

  @ApiPropertyOptional({
    description:
      "Rung up without the network: accepted as it was, deviations flagged for review. Only from a user signed in by PIN on a paired till, for the till's own `registerId`, or from a holder of `devices:manage` importing a till's exported queue (with `cashierId`); else 403 `offline_sale_forbidden`.",
  })
  @IsOptional()
  @IsBoolean()
  offline?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Who rang the sale up, when it is sent by someone else: a till's queue synced under another cashier's PIN session (the till's own register), or an imported queue (required with `offline` from the back office). The sale's cashier (`actor`) is this user, who must be an active user allowed to sell at the store (else 400 naming `cashierId`); the audit row keeps the caller. From anyone else 403 `offline_sale_forbidden`.",
  })
  @IsOptional()
  @IsUUID()
  cashierId?: string;
}
