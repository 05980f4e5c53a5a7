import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@kassa/api/http';

export class ReconciliationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ enum: ['open', 'reviewed'], default: 'open' }) @IsOptional() @IsIn(['open', 'reviewed']) status?: 'open' | 'reviewed';
}

export class ReviewSaleDto {
  @ApiPropertyOptional({ description: 'What was done about it: stock recounted, price corrected, difference collected…' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
