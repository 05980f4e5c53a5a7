import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { MAX_AMOUNT_MINOR, OFFLINE_MAX_HOURS, TILL_IDLE_LOCK_SECONDS } from '@kassa/contracts';
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
  @ApiPropertyOptional({ description: 'Tills take card tenders without the network.' })
  @IsOptional()
  @IsBoolean()
  offlineCardAllowed?: boolean;
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: MAX_AMOUNT_MINOR, description: 'The largest offline sale; null: no limit.' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_MINOR)
  offlineMaxSaleMinor?: number | null;
  @ApiPropertyOptional({
    minimum: OFFLINE_MAX_HOURS.min,
    maximum: OFFLINE_MAX_HOURS.max,
    description: 'Hours a till may stay offline before it stops selling.',
  })
  @IsOptional()
  @IsInt()
  @Min(OFFLINE_MAX_HOURS.min)
  @Max(OFFLINE_MAX_HOURS.max)
  offlineMaxHours?: number;
  @ApiPropertyOptional({ type: UpdateDiscountLimitsDto, description: "Basis points (0–10000) of a sale's gross; either limit alone keeps the other." })
  @ValidateIf((_, value) => value !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateDiscountLimitsDto)
  discountLimitBps?: UpdateDiscountLimitsDto;
}
