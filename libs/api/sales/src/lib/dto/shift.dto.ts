import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
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
  ValidateNested,
} from 'class-validator';
import { MAX_AMOUNT_MINOR } from '@kassa/contracts';
import { IsTimestamp, PageQueryDto } from '@kassa/api/http';

export const CASH_MOVEMENT_TYPES = ['pay_in', 'pay_out', 'drop'] as const;
export type CashMovementType = (typeof CASH_MOVEMENT_TYPES)[number];

export const SHIFT_STATUSES = ['open', 'closed'] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];

const CLIENT_ID = "The till's own id (UUIDv7): a resend with the same body replays the first answer (`idempotent-replayed: true`).";
const OCCURRED_AT = "When it happened at the till (an offline till syncing later); now when omitted. Only from a user signed in on the register's own till.";

export class OpenShiftDto {
  @ApiPropertyOptional({ format: 'uuid', description: CLIENT_ID }) @IsOptional() @IsUUID() id?: string;
  @ApiProperty({ minimum: 0, description: 'Cash in the drawer at the start.' })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  openingFloatMinor!: number;
  @ApiPropertyOptional({ format: 'date-time', description: OCCURRED_AT }) @IsOptional() @IsTimestamp() occurredAt?: string;
}

export class CreateCashMovementDto {
  @ApiPropertyOptional({ format: 'uuid', description: CLIENT_ID }) @IsOptional() @IsUUID() id?: string;
  @ApiProperty({ enum: CASH_MOVEMENT_TYPES, description: '`pay_in` adds cash, `pay_out` pays something from the drawer, `drop` takes cash to the safe.' })
  @IsIn(CASH_MOVEMENT_TYPES)
  type!: CashMovementType;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_AMOUNT_MINOR) amountMinor!: number;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) reason!: string;
  @ApiPropertyOptional({ format: 'date-time', description: OCCURRED_AT }) @IsOptional() @IsTimestamp() occurredAt?: string;
}

export class DenominationCountDto {
  @ApiProperty({ minimum: 1, description: "A note or coin of the shop's currency, in minor units (`CURRENCY_DENOMINATIONS` in libs/contracts)." })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_MINOR)
  valueMinor!: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(1_000_000) count!: number;
}

export class CloseShiftDto {
  @ApiProperty({ minimum: 0, description: 'The cash counted in the drawer.' }) @IsInt() @Min(0) @Max(MAX_AMOUNT_MINOR) countedCashMinor!: number;
  @ApiPropertyOptional({
    type: [DenominationCountDto],
    description: 'The count by note and coin; must add up to `countedCashMinor` (else 422 `denominations_mismatch`).',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => DenominationCountDto)
  @ArrayMaxSize(50)
  @ArrayUnique((entry: DenominationCountDto) => entry.valueMinor, { message: 'each denomination may appear once' })
  denominations?: DenominationCountDto[];
  @ApiPropertyOptional({ format: 'date-time', description: OCCURRED_AT }) @IsOptional() @IsTimestamp() occurredAt?: string;
}

export class ShiftQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() registerId?: string;
  @ApiPropertyOptional({ enum: SHIFT_STATUSES }) @IsOptional() @IsIn(SHIFT_STATUSES) status?: ShiftStatus;
  @ApiPropertyOptional({ format: 'date-time', description: 'Opened at or after.' }) @IsOptional() @IsTimestamp() from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Opened before.' }) @IsOptional() @IsTimestamp() to?: string;
}

export class ShiftReportQueryDto {
  @ApiPropertyOptional({
    enum: ['json', 'text', 'html'],
    default: 'json',
    description: '`text`: 80 mm printer, 42 columns, like the receipts; `html`: a printable page.',
  })
  @IsOptional()
  @IsIn(['json', 'text', 'html'])
  format?: 'json' | 'text' | 'html';
}

export class ShiftActorDto {
  @ApiProperty({ enum: ['user', 'api_key'] }) type!: 'user' | 'api_key';
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class ShiftDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ format: 'uuid' }) registerId!: string;
  @ApiProperty({ enum: SHIFT_STATUSES }) status!: ShiftStatus;
  @ApiProperty() openingFloatMinor!: number;
  @ApiProperty() offline!: boolean;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: ShiftActorDto }) openedBy!: ShiftActorDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: ShiftActorDto, nullable: true }) closedBy!: ShiftActorDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The Z-report number: 1, 2, 3… per register, gapless.' }) zNumber!: number | null;
  @ApiProperty({ type: Number, nullable: true }) countedCashMinor!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Set at the close (blind count: never shown before it).' }) expectedCashMinor!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'counted − expected: negative when cash is missing.' }) overShortMinor!: number | null;
  @ApiProperty({ type: [DenominationCountDto], nullable: true }) denominations!: DenominationCountDto[] | null;
  @ApiProperty() currency!: string;
  @ApiProperty() version!: number;
}

export class ShiftListDto {
  @ApiProperty({ type: [ShiftDto] }) items!: ShiftDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CurrentShiftDto {
  @ApiProperty({ type: ShiftDto, nullable: true, description: "The register's open shift; null when none is open." }) shift!: ShiftDto | null;
}

export class CashMovementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) shiftId!: string;
  @ApiProperty({ enum: CASH_MOVEMENT_TYPES }) type!: CashMovementType;
  @ApiProperty() amountMinor!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: ShiftActorDto }) actor!: ShiftActorDto;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class ShiftSettingsDto {
  @ApiProperty({ description: 'POS sales on a register without an open shift are refused (409 `shift_not_open`).' }) requireOpenShift!: boolean;
  @ApiProperty({ description: 'The cashier counts without seeing the expected cash: X-reports of an open shift leave it out for those without `shifts:read`.' })
  blindCount!: boolean;
  @ApiProperty({ description: 'A close whose |over/short| is above this (minor units) also records `cash.discrepancy`.' })
  discrepancyThresholdMinor!: number;
  @ApiProperty() version!: number;
}

export class UpdateShiftSettingsDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() requireOpenShift?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() blindCount?: boolean;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) @Max(MAX_AMOUNT_MINOR) discrepancyThresholdMinor?: number;
}
