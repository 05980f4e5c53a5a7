import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { MAX_AMOUNT_MINOR } from '@kassa/contracts';
import { PageQueryDto } from '@kassa/api/http';

const PHONE = /^\+?[0-9 ()./-]{3,32}$/;
const PHONE_MESSAGE = 'phone must be 3-32 digits, spaces or + ( ) . / -';
const nullable = (_: object, value: unknown) => value !== null;

export class SupplierDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who to talk to there.' }) contactName!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ description: 'Days to pay an invoice.' }) paymentTermsDays!: number;
  @ApiProperty({ description: 'Days from ordering to delivery (L in reorder suggestions).' }) leadTimeDays!: number;
  @ApiProperty({ description: "The shop's currency: suppliers are paid in it." }) currency!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SupplierProductDto {
  @ApiProperty({ format: 'uuid' }) supplierId!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({ type: String, nullable: true }) supplierSku!: string | null;
  @ApiProperty() unitCostMinor!: number;
  @ApiProperty({ description: 'Units per pack: orders are suggested in whole packs.' }) packSize!: number;
  @ApiProperty({ description: 'Units at least per order.' }) minOrderQuantity!: number;
  @ApiProperty({ description: 'The one supplier reorder suggestions order this product from.' }) preferred!: boolean;
}

export class SupplierCatalogProductDto extends SupplierProductDto {
  @ApiProperty({ description: "The product's SKU in the shop's catalog." }) sku!: string;
  @ApiProperty() name!: string;
}

export class SupplierDetailDto extends SupplierDto {
  @ApiProperty({ type: [SupplierCatalogProductDto] }) products!: SupplierCatalogProductDto[];
}

export class SupplierListDto {
  @ApiProperty({ type: [SupplierDto] }) items!: SupplierDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class SupplierProductListDto {
  @ApiProperty({ type: [SupplierProductDto] }) items!: SupplierProductDto[];
}

export class CreateSupplierDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) contactName?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(PHONE, { message: PHONE_MESSAGE }) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) address?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 365, default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(365) paymentTermsDays?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 365, default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(365) leadTimeDays?: number;
}

/** null clears an optional field. */
export class UpdateSupplierDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @ValidateIf(nullable) @IsOptional() @IsString() @MaxLength(200) contactName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @ValidateIf(nullable) @IsOptional() @IsEmail() @MaxLength(254) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf(nullable)
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @ValidateIf(nullable) @IsOptional() @IsString() @MaxLength(1000) address?: string | null;
  @ApiPropertyOptional({ minimum: 0, maximum: 365 }) @IsOptional() @IsInt() @Min(0) @Max(365) paymentTermsDays?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 365 }) @IsOptional() @IsInt() @Min(0) @Max(365) leadTimeDays?: number;
}

export class PutSupplierProductDto {
  @ApiPropertyOptional({ type: String, nullable: true }) @ValidateIf(nullable) @IsOptional() @IsString() @MaxLength(100) supplierSku?: string | null;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(MAX_AMOUNT_MINOR) unitCostMinor!: number;
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(100_000) packSize?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) minOrderQuantity?: number;
  @ApiPropertyOptional({ description: 'Make this the preferred supplier of the product (the previous one stops being it).' })
  @IsOptional()
  @IsBoolean()
  preferred?: boolean;
}

export class SupplierQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name.' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
}
