import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@kassa/api/http';

export const ERROR_SOURCES = ['api', 'web', 'pos'] as const;
export const ERROR_STATUSES = ['open', 'resolved'] as const;

export class ErrorGroupDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ERROR_SOURCES }) source!: string;
  @ApiProperty({ enum: ['fatal', 'error', 'warning'] }) severity!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ description: 'The latest occurrence, credentials scrubbed.' }) message!: string;
  @ApiProperty({ type: String, nullable: true }) stack!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Route template (API) or page path (browsers).' }) route!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Request context of the latest occurrence (never bodies or credentials).' })
  context!: Record<string, unknown>;
  @ApiProperty() count!: number;
  @ApiProperty({ enum: ERROR_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) firstSeenAt!: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) resolvedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it last came back after being resolved.' })
  reopenedAt!: string | null;
}

export class ErrorGroupListDto {
  @ApiProperty({ type: [ErrorGroupDto] }) items!: ErrorGroupDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ErrorGroupFilterDto {
  @ApiPropertyOptional({ enum: ERROR_STATUSES }) @IsOptional() @IsIn(ERROR_STATUSES) status?: (typeof ERROR_STATUSES)[number];
  @ApiPropertyOptional({ enum: ERROR_SOURCES }) @IsOptional() @IsIn(ERROR_SOURCES) source?: (typeof ERROR_SOURCES)[number];
}

export class ErrorGroupQueryDto extends IntersectionType(ErrorGroupFilterDto, PageQueryDto) {}

export class UpdateErrorGroupDto {
  @ApiProperty({ enum: ERROR_STATUSES, description: 'resolved: closed until it happens again (then it reopens by itself).' })
  @IsIn(ERROR_STATUSES)
  status!: (typeof ERROR_STATUSES)[number];
}
