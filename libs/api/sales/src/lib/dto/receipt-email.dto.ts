import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';

export class EmailReceiptDto {
  @ApiProperty({ format: 'email', maxLength: 254, example: 'customer@example.com' })
  @IsEmail()
  @MaxLength(254)
  to!: string;
}

export class ReceiptEmailQueuedDto {
  @ApiProperty({ enum: [true], description: 'The mail is queued; it is sent after the request, with retries.' }) queued!: true;
}
