import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class RegisterDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['pos', 'api'], description: "`api`: the store's register for back-office and partner sales, numbered by the server." })
  kind!: 'pos' | 'api';
  @ApiProperty({ description: 'A reinstalled tablet resumes numbering after this.' }) lastReceiptNumber!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was retired: it then takes no new online sales, refunds, shifts or pairings, and keeps its history. Null while in use.',
  })
  retiredAt!: string | null;
}

export class RegisterListDto {
  @ApiProperty({ type: [RegisterDto] }) items!: RegisterDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CreateRegisterDto {
  @ApiProperty({ example: 'Till 1' }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
}

export class UpdateRegisterDto {
  @ApiPropertyOptional({ example: 'Till 2' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;

  @ApiPropertyOptional({
    description:
      "`true` retires the register (its paired till may still sync the sales it took offline); `false` puts it back in use. A store's `api` register cannot be retired.",
  })
  @IsOptional()
  @IsBoolean()
  retired?: boolean;
}
