import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsTimestamp, PageQueryDto } from '@kassa/api/http';

export class SaleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'A receipt number, or part of the customer’s name.' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() registerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The user who rang the sale up.' }) @IsOptional() @IsUUID() cashierId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() customerId?: string;
  @ApiPropertyOptional({ enum: ['completed', 'voided'] }) @IsOptional() @IsIn(['completed', 'voided']) status?: 'completed' | 'voided';
  @ApiPropertyOptional({ format: 'date-time', description: 'Occurred at or after.' }) @IsOptional() @IsTimestamp() from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Occurred before.' }) @IsOptional() @IsTimestamp() to?: string;
}
