import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ReceiptFormat } from '../sale-receipts.service';

export class ReceiptQueryDto {
  @ApiPropertyOptional({ enum: ['text', 'html'], default: 'text', description: '`text`: 80 mm printer, 42 columns; `html`: for email.' })
  @IsOptional()
  @IsIn(['text', 'html'])
  format?: ReceiptFormat;
}
