import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { NotificationPayload, NotificationSeverity } from '@kassa/contracts';
import { PageQueryDto } from '@kassa/api/http';

const SEVERITIES: NotificationSeverity[] = ['info', 'warning', 'critical'];

export class NotificationDto implements NotificationPayload {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'stock.low', description: 'What caused it.' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, description: 'A path in the web app.' }) link!: string | null;
  @ApiProperty({ enum: SEVERITIES }) severity!: NotificationSeverity;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['unread'], description: 'Only the unread ones.' })
  @IsOptional()
  @IsIn(['unread'])
  filter?: 'unread';
}

export class UnreadCountDto {
  @ApiProperty() unread!: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'How many notifications this marked read.' }) marked!: number;
}
