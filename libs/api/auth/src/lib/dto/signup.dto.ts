import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { NormalizeEmail } from './normalize-email';
import { IsBoolean, IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsCurrencyCode, IsTimeZone } from '@kassa/api/http';
import { CreateStoreDto, StoreDto, TenantDto } from '@kassa/api/tenancy';
import { UserDto } from './user.dto';

export class SignupDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  tenantName!: string;

  @ApiProperty({ example: 'corner-shop', description: 'The shop address used at sign-in: 3-50 lower-case letters, digits and dashes.' })
  @Matches(/^[a-z0-9](?:[a-z0-9-]{1,48})[a-z0-9]$/, {
    message: 'slug must be 3-50 lower-case letters, digits or dashes, not starting or ending with a dash',
  })
  @ApiProperty()
  slug!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  ownerName!: string;
  @ApiProperty()
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;
  @ApiProperty({ minLength: 10 }) @IsString() password!: string;
  @ApiProperty({ example: 'EUR' }) @IsCurrencyCode() currency!: string;
  @ApiProperty({ example: 'Europe/Berlin' }) @IsTimeZone() timeZone!: string;
  @ApiProperty()
  @IsBoolean()
  pricesIncludeTax!: boolean;

  @ApiPropertyOptional({ type: CreateStoreDto, description: "The shop's first store (with its api register), created in the same transaction." })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreateStoreDto)
  store?: CreateStoreDto;
}

export class TokenPairDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires.' }) expiresIn!: number;
}

export class SignupResponseDto extends TokenPairDto {
  @ApiProperty({ type: TenantDto }) tenant!: TenantDto;
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiPropertyOptional({ type: StoreDto, description: 'The first store, when the signup named one.' }) store?: StoreDto;
}
