import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsTimestamp } from '@kassa/api/http';

export class MonitoringSummaryQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'From (inclusive); an hour before `to` when omitted.' })
  @IsOptional()
  @IsTimestamp()
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'To (exclusive); now when omitted. At most 31 days after `from`.' })
  @IsOptional()
  @IsTimestamp()
  to?: string;
  @ApiPropertyOptional({ description: 'One route: method and template, e.g. `GET /api/v1/products/:id`.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  route?: string;
}

export class TrafficFiguresDto {
  @ApiProperty() requests!: number;
  @ApiProperty({ description: 'Answers with a 5xx status.' }) errors!: number;
  @ApiProperty({ type: Number, nullable: true }) p50Ms!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p95Ms!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p99Ms!: number | null;
  @ApiProperty() cacheHits!: number;
  @ApiProperty() cacheMisses!: number;
}

export class TrafficPointDto extends TrafficFiguresDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class RouteTrafficDto extends TrafficFiguresDto {
  @ApiProperty() route!: string;
}

export class MonitoringSummaryDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ description: 'Width of each point of the series.' }) bucketSeconds!: number;
  @ApiProperty({ type: TrafficFiguresDto }) total!: TrafficFiguresDto;
  @ApiProperty({ type: [TrafficPointDto], description: 'Points with traffic only, oldest first.' }) series!: TrafficPointDto[];
  @ApiProperty({ type: [RouteTrafficDto], description: 'Routes by p95 latency, slowest first.' }) routes!: RouteTrafficDto[];
}
