import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '@kassa/api/http';
import { TENDER_TYPES, TenderType } from '@kassa/contracts';

export class SalesSummaryQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() registerId?: string;
  @ApiPropertyOptional({ format: 'date', description: "The business day in the shop's time zone; today when omitted." })
  @IsOptional()
  @IsCalendarDate()
  day?: string;
}

export class TaxRateTotalDto {
  @ApiProperty() rateBps!: number;
  @ApiProperty({ description: 'Sold at this rate, tax excluded.' }) netMinor!: number;
  @ApiProperty() taxMinor!: number;
}

export class MoneyCountDto {
  @ApiProperty() count!: number;
  @ApiProperty() totalMinor!: number;
}

export class RefundTotalsDto extends MoneyCountDto {
  @ApiProperty() taxMinor!: number;
}

export class TenderTotalDto {
  @ApiProperty({ enum: TENDER_TYPES }) type!: TenderType;
  @ApiProperty({ description: 'Taken in sales (cash net of change given).' }) salesMinor!: number;
  @ApiProperty({ description: 'Given back in refunds.' }) refundsMinor!: number;
  @ApiProperty({ description: 'What the drawer or the terminal should show for the day.' }) netMinor!: number;
}

export class SalesSummaryDto {
  @ApiProperty({ format: 'date' }) day!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ format: 'date-time', description: 'The day starts (inclusive)…' }) from!: string;
  @ApiProperty({ format: 'date-time', description: '…and ends (exclusive).' }) to!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) storeId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) registerId!: string | null;
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'Completed (not voided) sales of the day.' }) salesCount!: number;
  @ApiProperty({ description: 'Before discounts.' }) grossMinor!: number;
  @ApiProperty() discountMinor!: number;
  @ApiProperty() taxMinor!: number;
  @ApiProperty({ description: 'What customers paid for the sales.' }) totalMinor!: number;
  @ApiProperty({ type: [TaxRateTotalDto] }) taxByRate!: TaxRateTotalDto[];
  @ApiProperty({ type: RefundTotalsDto, description: 'Refunds made during the day.' }) refunds!: RefundTotalsDto;
  @ApiProperty({ type: MoneyCountDto, description: "The day's sales that were voided." }) voids!: MoneyCountDto;
  @ApiProperty({ description: 'Sales total less refunds.' }) netMinor!: number;
  @ApiProperty({ type: [TenderTotalDto] }) tenders!: TenderTotalDto[];
}
