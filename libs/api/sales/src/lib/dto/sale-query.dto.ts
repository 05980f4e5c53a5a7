import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsTimestamp, QueryInteger } from '@kassa/api/http';

export class SaleQueryDto {
  @ApiPropertyOptional({ description: 'A receipt number, or part of the customer’s name.' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() registerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The user who rang the sale up.' }) @IsOptional() @IsUUID() cashierId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() customerId?: string;
  @ApiPropertyOptional({ enum: ['completed', 'voided'] }) @IsOptional() @IsIn(['completed', 'voided']) status?: 'completed' | 'voided';
  @ApiPropertyOptional({ format: 'date-time', description: 'Occurred at or after.' }) @IsOptional() @IsTimestamp() from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Occurred before.' }) @IsOptional() @IsTimestamp() to?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() cursor?: string;
}
