import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { EVENT_TYPES, EventType, KassaEvent } from '@kassa/contracts';
import { QueryInteger } from '@kassa/api/http';

export class EventListDto {
  @ApiProperty({
    type: 'array',
    items: { $ref: getSchemaPath('KassaEvent') },
    description: 'Each event typed by its `type` (the same envelope and `data` as its webhook delivery).',
  })
  items!: KassaEvent[];
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
