import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsEmail, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '@kassa/api/http';

const PHONE = /^\+?[0-9 ()./-]{3,32}$/;
const TAG = /^[\p{L}\p{N} _-]{1,40}$/u;

export class CustomerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() marketingConsent!: boolean;
  @ApiProperty({ description: 'Erased customers keep their sales but no personal data.' }) erased!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CustomerPurchasesDto {
  @ApiProperty({ description: 'Completed sales.' }) count!: number;
  @ApiProperty({ description: 'What they paid, less refunds.' }) totalMinor!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastPurchaseAt!: string | null;
}

export class CustomerDetailDto extends CustomerDto {
  @ApiProperty({ type: CustomerPurchasesDto }) purchases!: CustomerPurchasesDto;
}

export class CustomerListDto {
  @ApiProperty({ type: [CustomerDto] }) items!: CustomerDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CreateCustomerDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A client id (a till creates customers offline): a resend with a known id answers that customer (200) instead of a second one.',
  })
  @IsOptional()
  @IsUUID()
  id?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(PHONE, { message: 'phone must be 3-32 digits, spaces or + ( ) . / -' }) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) notes?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Matches(TAG, { each: true, message: 'each tag must be 1-40 letters, digits, spaces, _ or -' })
  @ArrayUnique()
  @ArrayMaxSize(20)
  tags?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() marketingConsent?: boolean;
  @ApiPropertyOptional({
    description:
      'When a customer with this email (or, without one, this phone) exists: answer that customer (200) instead of 409 `customer_email_taken`. Tills set it for customers created offline.',
  })
  @IsOptional()
  @IsBoolean()
  merge?: boolean;
}

/** null clears an optional field. */
export class UpdateCustomerDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @ValidateIf((_, value) => value !== null) @IsOptional() @IsEmail() @MaxLength(254) email?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be 3-32 digits, spaces or + ( ) . / -' })
  phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @ValidateIf((_, value) => value !== null) @IsOptional() @IsString() @MaxLength(2000) notes?:
    string | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Matches(TAG, { each: true, message: 'each tag must be 1-40 letters, digits, spaces, _ or -' })
  @ArrayUnique()
  @ArrayMaxSize(20)
  tags?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() marketingConsent?: boolean;
}

export class CustomerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of a name, email or phone number.' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
}
