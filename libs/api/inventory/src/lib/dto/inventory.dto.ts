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
  NotEquals,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ADJUSTMENT_REASONS, AdjustmentReason, STOCK_REASONS, StockLevelView, StockReason, STOCK_STATES, type StockState } from '@kassa/contracts';
import { PageQueryDto, QueryBoolean } from '@kassa/api/http';

const MAX_QUANTITY = 1_000_000_000;

export class AdjustmentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() storeId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() productId!: string;

  @ApiProperty({ description: 'Units to add (positive) or remove (negative); never 0.' })
  @IsInt()
  @NotEquals(0, { message: 'delta must not be 0' })
  @Min(-MAX_QUANTITY)
  @Max(MAX_QUANTITY)
  delta!: number;

  @ApiProperty({ enum: ADJUSTMENT_REASONS }) @IsIn(ADJUSTMENT_REASONS) reason!: AdjustmentReason;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class AdjustmentBatchDto {
  @ApiProperty({ type: [AdjustmentDto] })
  @ValidateNested({ each: true })
  @Type(() => AdjustmentDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  adjustments!: AdjustmentDto[];
}

export class MovementResultDto {
  @ApiProperty() onHand!: number;
  @ApiProperty({ format: 'uuid' }) ledgerEntryId!: string;
}

export class AdjustmentBatchResultDto {
  @ApiProperty({ type: [MovementResultDto] }) items!: MovementResultDto[];
}

export class CountLineDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() productId!: string;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(MAX_QUANTITY) counted!: number;
}

export class CountDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() storeId!: string;

  @ApiProperty({ type: [CountLineDto] })
  @ValidateNested({ each: true })
  @Type(() => CountLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  lines!: CountLineDto[];
}

export class CountResultLineDto {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() counted!: number;
  @ApiProperty({ description: 'On hand when the count was posted.' }) previousOnHand!: number;
  @ApiProperty() delta!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null when nothing differed.' })
  ledgerEntryId!: string | null;
}

export class CountResultDto {
  @ApiProperty({ format: 'uuid' }) countId!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ type: [CountResultLineDto] }) lines!: CountResultLineDto[];
}

export class TransferLineDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() productId!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity!: number;
}

export class TransferDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() fromStoreId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() toStoreId!: string;

  @ApiProperty({ type: [TransferLineDto] })
  @ValidateNested({ each: true })
  @Type(() => TransferLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  lines!: TransferLineDto[];
}

export class TransferResultLineDto {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() fromOnHand!: number;
  @ApiProperty() toOnHand!: number;
}

export class TransferResultDto {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty({ type: [TransferResultLineDto] }) lines!: TransferResultLineDto[];
}

export class StockLevelDto implements StockLevelView {
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() onHand!: number;
  @ApiProperty({ type: Number, nullable: true, description: "The store's override, else the product's." }) reorderPoint!: number | null;
  @ApiProperty() low!: boolean;
}

export class StockLevelRowDto extends StockLevelDto {
  @ApiProperty() sku!: string;
  @ApiProperty() productName!: string;
}

export class StockLevelListDto {
  @ApiProperty({ type: [StockLevelRowDto] }) items!: StockLevelRowDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class StockLevelQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() productId?: string;

  @ApiPropertyOptional({ description: 'Only levels at or below their reorder point.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  lowOnly?: boolean;

  @ApiPropertyOptional({
    description: 'Also every product the store never moved, at 0 (deleted products left out); pages by (store, product) over the products.',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeZero?: boolean;

  @ApiPropertyOptional({ enum: STOCK_STATES, description: '`out`: at or below 0; `low`: above 0 and at or below the reorder point; `in`: the rest.' })
  @IsOptional()
  @IsIn(STOCK_STATES)
  state?: StockState;

  @ApiPropertyOptional({ format: 'uuid', description: "With `includeZero`: only products of this category (the products' own, not its subcategories')." })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ description: 'With `includeZero`: only active (or inactive) products.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

export class LedgerEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() delta!: number;
  @ApiProperty() onHandAfter!: number;
  @ApiProperty({ enum: STOCK_REASONS }) reason!: StockReason;
  @ApiProperty({ enum: ['user', 'api_key', 'system'] }) actorType!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) referenceType!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) referenceId!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: "The product's SKU now (deleted products included: history)." }) sku!: string;
  @ApiProperty() productName!: string;
}

export class LedgerListDto {
  @ApiProperty({ type: [LedgerEntryDto] }) items!: LedgerEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class LedgerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() productId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The rows of one sale, refund, transfer, count or receipt.' })
  @IsOptional()
  @IsUUID()
  referenceId?: string;
}

export class ReconcileDifferenceDto {
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() onHand!: number;
  @ApiProperty() ledgerSum!: number;
}

export class ReconcileDto {
  @ApiProperty({ description: 'Stock levels compared with their ledger.' }) checked!: number;
  @ApiProperty({ type: [ReconcileDifferenceDto], description: 'Should always be empty.' }) differences!: ReconcileDifferenceDto[];
}

export class SetReorderPointDto {
  @ApiProperty({ type: Number, nullable: true, description: "This store's reorder point; null falls back to the product's." })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  reorderPoint!: number | null;
}

export class CountImportRowDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) sku?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) barcode?: string;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(MAX_QUANTITY) counted!: number;
}

export class CountImportDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() storeId!: string;

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Rows of { sku or barcode, counted }; at most 50,000.' })
  @IsArray()
  rows!: Record<string, unknown>[];
}

export class CountImportQueryDto {
  @ApiPropertyOptional({ description: 'Validate only: report every problem and write nothing.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'For a file: the store counted (JSON bodies name it in the body).' })
  @IsOptional()
  @IsUUID()
  storeId?: string;

  @ApiPropertyOptional({ description: 'For a file: JSON `{ "column in the file": "field" | null }`, overriding the header synonyms (null ignores a column).' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  mapping?: string;
}

export class CountImportErrorDto {
  @ApiProperty({ description: '1-based position in `rows`.' }) row!: number;
  @ApiProperty() field!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: "For a file: the file's own line (CSV) or sheet row number (xlsx, xls, ods)." }) line?: number;
}

export class CountImportResultDto {
  @ApiProperty({ description: 'Rows that name a product.' }) counted!: number;
  @ApiProperty({ description: 'Of those, how many differ from on hand (dry run: at the time of checking).' }) changed!: number;
  @ApiProperty({ type: [CountImportErrorDto] }) errors!: CountImportErrorDto[];
  @ApiProperty({ type: [CountImportErrorDto], description: 'For a file: values read with a change to look at (leading zeros restored).' })
  notes!: CountImportErrorDto[];
  @ApiProperty({ type: [String], description: 'For a file: columns no field matched; they were ignored.' }) unknownColumns!: string[];
}

export class LevelsExportQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx']) format!: 'csv' | 'xlsx';
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;

  @ApiPropertyOptional({ description: 'CSV only: start with a UTF-8 byte order mark.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  bom?: boolean;

  @ApiPropertyOptional({ description: 'The columns to export, in this order, by their CSV names (`sku,onHand`); all by default.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  columns?: string;
}
