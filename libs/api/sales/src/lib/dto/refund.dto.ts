import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { TENDER_TYPES, TenderInputDto, TenderType } from './create-sale.dto';

export class RefundLineInputDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() saleLineId!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100_000) quantity!: number;
  @ApiProperty({ description: 'Put the units back in stock (false for damaged goods).' }) @IsBoolean() restock!: boolean;
}

export class CreateRefundDto {
  @ApiProperty({ type: [RefundLineInputDto] })
  @ValidateNested({ each: true })
  @Type(() => RefundLineInputDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique((line: RefundLineInputDto) => line.saleLineId, { message: 'each sale line may appear once' })
  lines!: RefundLineInputDto[];

  @ApiProperty({ type: [TenderInputDto], description: 'How the money goes back; the amounts must equal the refund total.' })
  @ValidateNested({ each: true })
  @Type(() => TenderInputDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  tenders!: TenderInputDto[];

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) reason!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The register whose drawer pays the refund out; the sale's register when omitted." })
  @IsOptional()
  @IsUUID()
  registerId?: string;
}

export class RefundLineDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) saleLineId!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() restock!: boolean;
  @ApiProperty() taxRateBps!: number;
  @ApiProperty({ description: "This line's share of what was paid for it, tax included." }) amountMinor!: number;
  @ApiProperty() taxMinor!: number;
}

export class RefundTenderDto {
  @ApiProperty({ enum: TENDER_TYPES }) type!: TenderType;
  @ApiProperty() amountMinor!: number;
}

export class RefundDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) saleId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() totalMinor!: number;
  @ApiProperty() taxMinor!: number;
  @ApiProperty({ format: 'uuid', description: 'The register whose drawer paid the refund out.' }) registerId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "That register's open shift at the refund." }) shiftId!: string | null;
  @ApiProperty({ enum: ['user', 'api_key'] }) actorType!: string;
  @ApiProperty({ format: 'uuid' }) actorId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [RefundLineDto] }) lines!: RefundLineDto[];
  @ApiProperty({ type: [RefundTenderDto] }) tenders!: RefundTenderDto[];
}

export class RefundListDto {
  @ApiProperty({ type: [RefundDto] }) items!: RefundDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class VoidSaleDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) reason!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The register whose drawer pays the sale back; the sale's register when omitted." })
  @IsOptional()
  @IsUUID()
  registerId?: string;
}
