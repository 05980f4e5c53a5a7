import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { EVENT_TYPES, EventEnvelope, EventType } from '@kassa/contracts';
import { QueryInteger } from '@kassa/api/http';

export class EventDto implements EventEnvelope {
  @ApiProperty({ format: 'uuid', description: 'Also the `webhook-id` of its webhook deliveries.' }) id!: string;
  @ApiProperty({ enum: EVENT_TYPES }) type!: EventType;
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ description: "Position in this tenant's feed: gapless, in the order events became visible." }) sequence!: number;
  @ApiProperty() aggregateType!: string;
  @ApiProperty({ format: 'uuid' }) aggregateId!: string;
  @ApiProperty() aggregateVersion!: number;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
}

export class EventListDto {
  @ApiProperty({ type: [EventDto] }) items!: EventDto[];
  @ApiProperty({
    pattern: '^[0-9]+$',
    example: '1042',
    description: 'The last sequence returned, as a digit string: pass it as `after` to continue; it stays put while nothing new has happened.',
  })
  nextCursor!: string;
}

export class EventQueryDto {
  @ApiProperty({
    required: false,
    type: 'integer',
    minimum: 0,
    description: "Return events with a sequence above this one (default 0): the previous page's `nextCursor`.",
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  after?: number;

  @ApiProperty({ required: false, description: 'Comma-separated event types.', example: 'sale.created,sale.voided' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsIn(EVENT_TYPES, { each: true })
  types?: EventType[];

  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(1000)
  @ApiPropertyOptional()
  limit?: number;
}
