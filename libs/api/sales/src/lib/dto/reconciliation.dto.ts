import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { QueryInteger } from '@kassa/api/http';

export class ReconciliationQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ enum: ['open', 'reviewed'], default: 'open' }) @IsOptional() @IsIn(['open', 'reviewed']) status?: 'open' | 'reviewed';
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() cursor?: string;
}

export class ReviewSaleDto {
  @ApiPropertyOptional({ description: 'What was done about it: stock recounted, price corrected, difference collected…' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
