import { ApiProperty } from '@nestjs/swagger';
import { NormalizeEmail } from './normalize-email';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ description: "The shop's slug.", example: 'corner-shop' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  tenant!: string;

  @ApiProperty()
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}

export class RefreshTokenDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken!: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: 'The token from the invite link.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;

  @ApiProperty()
  @IsString()
  password!: string;
}
