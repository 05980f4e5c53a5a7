import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { TILL_IDLE_LOCK_SECONDS } from '@kassa/contracts';
import { IsCurrencyCode, IsLocaleTag, IsTimeZone } from '@kassa/api/http';
import { UpdateDiscountLimitsDto } from './discount-limits.dto';

export class UpdateTenantDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
  @ApiPropertyOptional({ example: 'de-DE', description: 'BCP 47 language tag.' })
  @IsOptional()
  @IsLocaleTag()
  locale?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  pricesIncludeTax?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  allowNegativeStock?: boolean;
  @ApiPropertyOptional({
    minimum: TILL_IDLE_LOCK_SECONDS.min,
    maximum: TILL_IDLE_LOCK_SECONDS.max,
    description: 'Seconds a till may sit untouched before it locks.',
  })
  @IsOptional()
  @IsInt()
  @Min(TILL_IDLE_LOCK_SECONDS.min)
  @Max(TILL_IDLE_LOCK_SECONDS.max)
  tillIdleLockSeconds?: number;
  @ApiPropertyOptional({ type: UpdateDiscountLimitsDto, description: "Basis points (0–10000) of a sale's gross; either limit alone keeps the other." })
  @ValidateIf((_, value) => value !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateDiscountLimitsDto)
  discountLimitBps?: UpdateDiscountLimitsDto;
}
