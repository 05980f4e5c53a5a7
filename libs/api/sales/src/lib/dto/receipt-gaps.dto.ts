import { ApiProperty } from '@nestjs/swagger';

export class ReceiptGapDto {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
}

export class ReceiptGapsDto {
  @ApiProperty({ format: 'uuid' }) registerId!: string;
  @ApiProperty({ description: 'The highest receipt number the register has used.' }) lastReceiptNumber!: number;
  @ApiProperty({ type: [ReceiptGapDto], description: 'Runs of numbers with no sale: sales that never arrived.' }) gaps!: ReceiptGapDto[];
  @ApiProperty({ type: [Number], description: 'The missing numbers themselves (the first 1,000).' }) missing!: number[];
  @ApiProperty() missingCount!: number;
}
