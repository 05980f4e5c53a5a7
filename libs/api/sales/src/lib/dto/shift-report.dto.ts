import { ApiProperty } from '@nestjs/swagger';
import { TENDER_TYPES, TenderType } from '@kassa/contracts';
import { CASH_MOVEMENT_TYPES, CashMovementType, DenominationCountDto } from './shift.dto';
import { MoneyCountDto, RefundTotalsDto, TaxRateTotalDto } from './sales-summary.dto';

export class ShiftSalesTotalsDto {
  @ApiProperty({ description: 'Sales rung up in the shift (voided ones included: their voids count under `voids`).' }) count!: number;
  @ApiProperty({ description: 'Before discounts.' }) grossMinor!: number;
  @ApiProperty() discountMinor!: number;
  @ApiProperty() taxMinor!: number;
  @ApiProperty({ description: 'gross − discounts.' }) totalMinor!: number;
}

export class ShiftTenderTotalDto {
  @ApiProperty({ enum: TENDER_TYPES }) type!: TenderType;
  @ApiProperty({ description: 'As handed over (cash before change).' }) salesMinor!: number;
  @ApiProperty({ description: 'Change given (cash only).' }) changeMinor!: number;
  @ApiProperty({ description: 'Paid back for refunds from this drawer.' }) refundsMinor!: number;
  @ApiProperty({ description: 'Paid back for sales voided at this drawer (cash net of their change).' }) voidsMinor!: number;
  @ApiProperty({ description: 'sales − change − refunds − voids.' }) netMinor!: number;
}

export class ShiftCashMovementLineDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CASH_MOVEMENT_TYPES }) type!: CashMovementType;
  @ApiProperty() amountMinor!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class ShiftCashDto {
  @ApiProperty() openingFloatMinor!: number;
  @ApiProperty({ description: 'Cash tendered as handed over.' }) salesMinor!: number;
  @ApiProperty() changeMinor!: number;
  @ApiProperty() refundsMinor!: number;
  @ApiProperty({ description: 'Cash of sales voided in the shift.' }) voidsMinor!: number;
  @ApiProperty() payInsMinor!: number;
  @ApiProperty() payOutsMinor!: number;
  @ApiProperty() dropsMinor!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'float + cash sales − change − cash refunds + pay-ins − pay-outs − drops − cash voids; null on an X-report under blind count for callers without `shifts:read`.',
  })
  expectedMinor!: number | null;
  @ApiProperty({ type: Number, nullable: true }) countedMinor!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'counted − expected.' }) overShortMinor!: number | null;
}

export class ShiftReceiptGapDto {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
}

export class ShiftReceiptsDto {
  @ApiProperty({ type: Number, nullable: true }) firstNumber!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lastNumber!: number | null;
  @ApiProperty({ type: [ShiftReceiptGapDto], description: 'Numbers between the first and the last with no sale on the register: sales that never arrived.' })
  gaps!: ShiftReceiptGapDto[];
  @ApiProperty() missingCount!: number;
}

export class ShiftReportDto {
  @ApiProperty({ enum: ['X', 'Z'], description: 'X: the open shift so far; Z: the close, fixed for good.' }) kind!: 'X' | 'Z';
  @ApiProperty({ type: Number, nullable: true }) zNumber!: number | null;
  @ApiProperty({ format: 'uuid' }) shiftId!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ format: 'uuid' }) registerId!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty() storeName!: string;
  @ApiProperty() registerName!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the figures were taken (the close, for a Z-report).' }) takenAt!: string;
  @ApiProperty({ type: ShiftSalesTotalsDto }) sales!: ShiftSalesTotalsDto;
  @ApiProperty({ type: RefundTotalsDto, description: 'Refunds paid from this drawer in the shift.' }) refunds!: RefundTotalsDto;
  @ApiProperty({ type: MoneyCountDto, description: 'Sales voided at this drawer in the shift.' }) voids!: MoneyCountDto;
  @ApiProperty({ description: 'Sales total − refunds − voids.' }) netMinor!: number;
  @ApiProperty({ type: [TaxRateTotalDto], description: 'Per rate, sales less refunds and voids.' }) taxByRate!: TaxRateTotalDto[];
  @ApiProperty({ type: [ShiftTenderTotalDto] }) tenders!: ShiftTenderTotalDto[];
  @ApiProperty({ type: [ShiftCashMovementLineDto] }) cashMovements!: ShiftCashMovementLineDto[];
  @ApiProperty({ type: ShiftCashDto }) cash!: ShiftCashDto;
  @ApiProperty({ type: [DenominationCountDto], nullable: true }) denominations!: DenominationCountDto[] | null;
  @ApiProperty({ type: ShiftReceiptsDto }) receipts!: ShiftReceiptsDto;
}
