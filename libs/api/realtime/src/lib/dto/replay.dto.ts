import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { KassaEvent, RealtimeReplay } from '@kassa/contracts';
import { QueryInteger } from '@kassa/api/http';

export class ReplayQueryDto {
  @ApiProperty({ description: 'The highest `sequence` the client has seen (0 for none).' })
  @QueryInteger()
  @IsInt()
  @Min(0)
  after!: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 200 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class ReplayDto implements RealtimeReplay {
  @ApiProperty({ description: 'Events after `after` are past the retention: reload the screens instead of replaying.' }) refetch!: boolean;
  @ApiProperty({ type: 'array', items: { $ref: getSchemaPath('KassaEvent') }, description: 'What the socket would have pushed to you, in sequence order.' })
  items!: KassaEvent[];
  @ApiProperty({ description: 'Pass as `after` for the next page.' }) nextAfter!: number;
  @ApiProperty({ description: 'More events wait after `nextAfter`.' }) more!: boolean;
  @ApiProperty({ description: "The shop's newest event sequence when this was read: a client without a position yet starts after it." }) head!: number;
}
