import { ApiProperty } from '@nestjs/swagger';
import { PageQueryDto } from '@kassa/api/http';
import { MAIL_PURPOSES, type MailPurpose } from '@kassa/contracts';

export class WrittenMailDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: MAIL_PURPOSES }) purpose!: MailPurpose;
  @ApiProperty() to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'Where the .eml file is, on the machine the API runs on.' }) file!: string;
  @ApiProperty({ description: 'Size of the .eml file in bytes.' }) size!: number;
  @ApiProperty({ format: 'date-time' }) writtenAt!: string;
}

export class WrittenMailListDto {
  @ApiProperty({ type: [WrittenMailDto] }) items!: WrittenMailDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class MailboxQueryDto extends PageQueryDto {}
