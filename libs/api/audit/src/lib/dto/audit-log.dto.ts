import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AUDIT_ACTIONS, AuditAction } from '@kassa/contracts';
import { IsTimestamp, PageQueryDto } from '@kassa/api/http';

export class AuditLogDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['user', 'api_key', 'system'] }) actorType!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: AuditAction;
  @ApiProperty() entityType!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '{ field: [before, after] }; secrets redacted' })
  changes!: Record<string, [unknown, unknown]>;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AuditLogListDto {
  @ApiProperty({ type: [AuditLogDto] }) items!: AuditLogDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** Filters shared by the list and the export. */
export class AuditLogFilterDto {
  @ApiPropertyOptional({ enum: ['user', 'api_key', 'system'] })
  @IsOptional()
  @IsIn(['user', 'api_key', 'system'])
  actorType?: 'user' | 'api_key' | 'system';
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  actorId?: string;
  @ApiProperty({ enum: AUDIT_ACTIONS, required: false }) @IsOptional() @IsIn(AUDIT_ACTIONS) action?: AuditAction;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityType?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;
  @ApiProperty({ required: false, format: 'date-time', description: 'From this time, inclusive.' })
  @IsOptional()
  @IsTimestamp()
  from?: string;
  @ApiProperty({ required: false, format: 'date-time', description: 'Before this time.' })
  @IsOptional()
  @IsTimestamp()
  to?: string;
}

export class AuditLogQueryDto extends IntersectionType(AuditLogFilterDto, PageQueryDto) {}

export class AuditLogExportQueryDto extends AuditLogFilterDto {
  @ApiProperty({ enum: ['csv'], required: false }) @IsOptional() @IsIn(['csv']) format?: 'csv';
}
