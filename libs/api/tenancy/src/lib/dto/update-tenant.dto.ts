import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCurrencyCode, IsTimeZone } from '@kassa/api/http';

export class UpdateTenantDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @IsOptional() @IsCurrencyCode() currency?: string;
  @IsOptional() @IsTimeZone() timeZone?: string;
  @IsOptional() @IsBoolean() pricesIncludeTax?: boolean;
  @IsOptional() @IsBoolean() allowNegativeStock?: boolean;
}
