import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NormalizeEmail } from './normalize-email';
import { ArrayUnique, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES, UserView } from '@kassa/contracts';

export class UserDto implements UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [String], description: 'Stores the user is limited to; empty means every store.' }) storeIds!: string[];
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CreateUserDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
  @ApiProperty()
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;

  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ApiPropertyOptional({ type: [String] })
  storeIds?: string[];
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
  @ApiProperty({ enum: ROLES, required: false }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ApiPropertyOptional({ type: [String] })
  storeIds?: string[];
}

export class InviteDto {
  @ApiProperty({ description: 'One-time link to set a password (shown once; also mailed to the user).' }) url!: string;
  @ApiProperty() token!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class CreatedUserDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty({ type: InviteDto }) invite!: InviteDto;
}
