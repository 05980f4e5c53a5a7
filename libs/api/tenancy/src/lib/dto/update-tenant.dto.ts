import { IsLocaleTag } from '@kassa/api/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCurrencyCode, IsTimeZone } from '@kassa/api/http';

export class UpdateTenantDto {
  @ApiPropertyOptional()
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional()
  @IsOptional() @IsCurrencyCode() currency?: string;
  @ApiPropertyOptional()
  @IsOptional() @IsTimeZone() timeZone?: string;
  @ApiPropertyOptional({ example: 'de-DE', description: 'BCP 47 language tag.' })
  @IsOptional() @IsLocaleTag() locale?: string;
  @ApiPropertyOptional()
  @IsOptional() @IsBoolean() pricesIncludeTax?: boolean;
  @ApiPropertyOptional()
  @IsOptional() @IsBoolean() allowNegativeStock?: boolean;
}
