import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MAX_AMOUNT_MINOR, type ProductView } from '@kassa/contracts';
import { IsTimestamp, PageQueryDto, QueryBoolean } from '@kassa/api/http';
import { Transform } from 'class-transformer';
import { PRODUCT_SORTS, type ProductSort } from '../product-queries';

const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const BARCODE = /^[A-Za-z0-9-]{1,64}$/;
export class ProductDto implements ProductView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) categoryId!: string | null;
  @ApiProperty({ example: 'piece' }) unit!: string;
  @ApiProperty({ description: "Price in minor units of the shop's currency." }) priceMinor!: number;
  @ApiProperty({ type: Number, nullable: true }) costMinor!: number | null;
  @ApiProperty({ description: 'Tax rate in basis points (1900 = 19 %).' }) taxRateBps!: number;
  @ApiProperty({ type: [String] }) barcodes!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty() trackStock!: boolean;
  @ApiProperty({ type: Number, nullable: true }) reorderPoint!: number | null;
  @ApiProperty({ type: Number, nullable: true }) reorderQuantity!: number | null;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
  @ApiProperty({ description: 'Send it back as If-Match (it is also the ETag).' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DeletedProductDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) deletedAt!: string;
}

export class ProductListDto {
  @ApiProperty({ type: [ProductDto], description: 'With `updatedSince`: the products changed since then (deleted ones under `deleted`), by `updatedAt`, id.' })
  items!: ProductDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'With `updatedSince`: pass this as the next `updatedSince` (the same on every page of one pass). It trails now by a few seconds and never passes the start of a transaction still running, so late commits are not missed; rows may come twice.',
  })
  syncedTo?: string;
  @ApiPropertyOptional({ type: [DeletedProductDto], description: 'With `updatedSince` and `includeDeleted=true`: products deleted on this page of changes.' })
  deleted?: DeletedProductDto[];
}

export class CreateProductDto {
  @ApiProperty({ maxLength: 64 })
  @Matches(SKU, { message: 'sku must be 1-64 letters, digits, . _ / or -, starting with a letter or digit' })
  sku!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  unit?: string;
  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  priceMinor!: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  costMinor?: number;
  @ApiProperty({ required: false, maximum: 10000 }) @IsOptional() @IsInt() @Min(0) @Max(10000) taxRateBps?: number;

  @IsOptional()
  @Matches(BARCODE, { each: true, message: 'each barcode must be 1-64 letters, digits or dashes' })
  @ArrayUnique()
  @ArrayMaxSize(20)
  @ApiPropertyOptional({ type: [String] })
  barcodes?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  trackStock?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  reorderPoint?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  reorderQuantity?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2000)
  imageUrl?: string;
}

/** Undoing a delete: the barcodes the product had (a delete frees them), if they are still free. */
export class RestoreProductDto {
  @IsOptional()
  @Matches(BARCODE, { each: true, message: 'each barcode must be 1-64 letters, digits or dashes' })
  @ArrayUnique()
  @ArrayMaxSize(20)
  @ApiPropertyOptional({ type: [String], description: 'Given back to the product; 409 barcode_taken if another product took one meanwhile.' })
  barcodes?: string[];
}

/** Every field optional; null clears an optional one. */
export class UpdateProductDto {
  @IsOptional()
  @Matches(SKU, { message: 'sku must be 1-64 letters, digits, . _ / or -, starting with a letter or digit' })
  @ApiPropertyOptional()
  sku?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  unit?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  priceMinor?: number;
  @ApiPropertyOptional({ type: Number, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  costMinor?: number | null;
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  taxRateBps?: number;

  @IsOptional()
  @Matches(BARCODE, { each: true, message: 'each barcode must be 1-64 letters, digits or dashes' })
  @ArrayUnique()
  @ArrayMaxSize(20)
  @ApiPropertyOptional({ type: [String] })
  barcodes?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  trackStock?: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  reorderPoint?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  reorderQuantity?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  imageUrl?: string | null;
}

export class ProductQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'Matches names (typo-tolerant), SKU prefixes and exact barcodes.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  @ApiPropertyOptional()
  active?: boolean;

  @ApiPropertyOptional({ enum: PRODUCT_SORTS, description: 'The order without `q` (default `name`); `-` for descending. Search results come by relevance.' })
  @IsOptional()
  @IsIn(PRODUCT_SORTS)
  sort?: ProductSort;

  @ApiPropertyOptional({
    type: String,
    description: 'Comma-separated product ids (at most 200): those products, by name, in one page — e.g. the page of a stock state inventory chose.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({
    format: 'date-time',
    description: "The till's delta: products changed at or after this time (a previous `syncedTo`), oldest change first.",
  })
  @IsOptional()
  @IsTimestamp()
  updatedSince?: string;

  @ApiPropertyOptional({ description: 'With `updatedSince`: report deleted products too, under `deleted`.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;
}

export class ExportQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx']) format!: 'csv' | 'xlsx';

  @ApiPropertyOptional({ description: 'CSV only: start with a UTF-8 byte order mark (what Excel needs).' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  bom?: boolean;

  @ApiPropertyOptional({ description: 'The columns to export, in this order, by their CSV names (`sku,name,priceMinor`); all by default.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  columns?: string;

  @ApiPropertyOptional({ description: 'Only the products the list finds with this search (barcode, SKU prefix, name).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

export class ImportQueryDto {
  @ApiPropertyOptional({ description: 'Validate only: report every problem and write nothing.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'For a file: JSON `{ "column in the file": "field" | null }`, overriding the header synonyms (null ignores a column).' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  mapping?: string;
}

export class ProductImportDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Products as in POST /products, matched by SKU: new SKUs are created, known ones updated. At most 50,000.',
  })
  @IsArray()
  rows!: Record<string, unknown>[];
}

export class ImportErrorDto {
  @ApiProperty({ description: '1-based position in `rows` (row 1 is the first data row).' }) row!: number;
  @ApiProperty() field!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: "For a file: the file's own line (CSV) or sheet row number (xlsx, xls, ods)." }) line?: number;
}

export class ImportResultDto {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty({ description: 'Rows identical to the stored product: nothing is written for them (no version, event or audit row).' })
  unchanged!: number;
  @ApiProperty({ type: [ImportErrorDto] }) errors!: ImportErrorDto[];
  @ApiProperty({
    type: [ImportErrorDto],
    description: 'For a file: values read with a change to look at (leading zeros restored, `1.234` read by the locale).',
  })
  notes!: ImportErrorDto[];
  @ApiProperty({ type: [String], description: 'For a file: columns no field matched; they were ignored.' }) unknownColumns!: string[];
}
