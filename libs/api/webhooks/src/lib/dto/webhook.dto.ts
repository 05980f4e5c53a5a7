import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { EVENT_TYPES } from '@kassa/contracts';

export const WEBHOOK_EVENT_FILTERS = ['*', ...EVENT_TYPES] as const;
export type WebhookEventFilter = (typeof WEBHOOK_EVENT_FILTERS)[number];

const EVENTS_DESCRIPTION = 'Event types to receive, or `*` for all of them.';
const HEADERS_DESCRIPTION = 'Extra request headers sent with every delivery; they cannot replace the webhook-*, content-type, host or user-agent headers.';

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'https://partner.example/hooks/kassa' }) url!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: WEBHOOK_EVENT_FILTERS, isArray: true, description: EVENTS_DESCRIPTION }) events!: WebhookEventFilter[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: HEADERS_DESCRIPTION }) headers!: Record<string, string>;
  @ApiProperty({ description: 'Disabled endpoints get no deliveries.' }) enabled!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why Kassa disabled the endpoint (410 Gone, or five days of failures).' })
  disabledReason!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class WebhookWithSecretDto extends WebhookDto {
  @ApiProperty({ description: 'The signing secret (`whsec_…`). Shown only in this response: store it now.', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
  secret!: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] }) items!: WebhookDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CreateWebhookDto {
  @ApiProperty({ description: 'http(s) URL without credentials; it must not resolve to a private address.' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_FILTERS, isArray: true, description: EVENTS_DESCRIPTION })
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_FILTERS.length)
  @IsIn(WEBHOOK_EVENT_FILTERS, { each: true })
  events!: WebhookEventFilter[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: HEADERS_DESCRIPTION })
  @IsOptional()
  @IsObject()
  headers?: Record<string, string>;

  @ApiPropertyOptional({ description: 'Default true.' }) @IsOptional() @IsBoolean() enabled?: boolean;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_FILTERS, isArray: true, description: EVENTS_DESCRIPTION })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_FILTERS.length)
  @IsIn(WEBHOOK_EVENT_FILTERS, { each: true })
  events?: WebhookEventFilter[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: HEADERS_DESCRIPTION })
  @IsOptional()
  @IsObject()
  headers?: Record<string, string>;

  @ApiPropertyOptional({ description: 'Enabling clears `disabledReason`.' }) @IsOptional() @IsBoolean() enabled?: boolean;
}
