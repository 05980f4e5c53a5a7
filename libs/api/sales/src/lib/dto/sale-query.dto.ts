import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsTimestamp, PageQueryDto, QueryBoolean } from '@kassa/api/http';

export class SaleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'A receipt number, or part of the customer’s name.' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() registerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The user who rang the sale up.' }) @IsOptional() @IsUUID() cashierId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() customerId?: string;
  @ApiPropertyOptional({ enum: ['completed', 'voided'] }) @IsOptional() @IsIn(['completed', 'voided']) status?: 'completed' | 'voided';
  @ApiPropertyOptional({ format: 'date-time', description: 'Occurred at or after.' }) @IsOptional() @IsTimestamp() from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Occurred before.' }) @IsOptional() @IsTimestamp() to?: string;

  @ApiPropertyOptional({ description: 'Only sales rung up offline (`true`) or online (`false`).' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  offline?: boolean;

  @ApiPropertyOptional({
    description: 'Only sales the server flagged (a price, discount or tender taken as rung up offline), reviewed or not (`true`), or none (`false`).',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  flagged?: boolean;
}

/** The list's filters: what a sales export narrows by too. */
export type SaleFilters = Omit<SaleQueryDto, 'limit' | 'cursor'>;

export class SaleExportQueryDto extends OmitType(SaleQueryDto, ['limit', 'cursor'] as const) {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx']) format!: 'csv' | 'xlsx';

  @ApiPropertyOptional({ description: 'CSV only: start with a UTF-8 byte order mark.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  bom?: boolean;
}
