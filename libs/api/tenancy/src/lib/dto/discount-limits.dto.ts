import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import type { DiscountLimits } from '@kassa/contracts';

const LIMIT = { minimum: 0, maximum: 10_000 };

export class DiscountLimitsDto implements DiscountLimits {
  @ApiProperty({ ...LIMIT, description: 'For holders of `sales:discount` (managers, API keys scoped with it).' }) manager!: number;
  @ApiProperty({ ...LIMIT, description: 'For every other seller (cashiers, API keys without `sales:discount`).' }) cashier!: number;
}

/** Either limit alone; the other keeps its value. */
export class UpdateDiscountLimitsDto {
  @ApiPropertyOptional(LIMIT)
  @ValidateIf((_, value) => value !== undefined)
  @IsInt()
  @Min(0)
  @Max(10_000)
  manager?: number;
  @ApiPropertyOptional(LIMIT)
  @ValidateIf((_, value) => value !== undefined)
  @IsInt()
  @Min(0)
  @Max(10_000)
  cashier?: number;
}
