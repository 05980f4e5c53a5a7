import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class RegisterDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['pos', 'api'], description: "`api`: the store's register for back-office and partner sales, numbered by the server." })
  kind!: 'pos' | 'api';
  @ApiProperty({ description: 'A reinstalled tablet resumes numbering after this.' }) lastReceiptNumber!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RegisterListDto {
  @ApiProperty({ type: [RegisterDto] }) items!: RegisterDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CreateRegisterDto {
  @ApiProperty({ example: 'Till 1' }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
}
