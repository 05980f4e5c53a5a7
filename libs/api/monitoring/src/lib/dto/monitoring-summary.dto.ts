import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsTimestamp } from '@kassa/api/http';
import { WEB_VITAL_METRICS, type WebVitalMetric, type WebVitalRating } from '../web-vital-buckets';

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

export class WebVitalPageDto {
  @ApiProperty({ example: '/dashboard', description: 'The page, as a path without ids.' }) page!: string;
  @ApiProperty({ enum: WEB_VITAL_METRICS }) metric!: WebVitalMetric;
  @ApiProperty({ enum: ['web', 'pos'] }) source!: 'web' | 'pos';
  @ApiProperty() samples!: number;
  @ApiProperty({ description: "75th percentile (web.dev's measure): the upper bound of its bucket; ms, or the CLS score." }) p75!: number;
  @ApiProperty({ enum: ['good', 'needs-improvement', 'poor'], description: "The p75 against web.dev's thresholds." }) rating!: WebVitalRating;
}

export class EventBacklogDto {
  @ApiProperty({ description: "The shop's events not yet handed to the event queue (queue depth), now." }) waiting!: number;
  @ApiProperty({ description: 'Age in seconds of the oldest of them (relay lag); 0 when none waits.' }) oldestSeconds!: number;
}

export class MonitoringSummaryDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ description: 'Width of each point of the series.' }) bucketSeconds!: number;
  @ApiProperty({ type: TrafficFiguresDto }) total!: TrafficFiguresDto;
  @ApiProperty({ type: [TrafficPointDto], description: 'Points with traffic only, oldest first.' }) series!: TrafficPointDto[];
  @ApiProperty({ type: [RouteTrafficDto], description: 'Routes by p95 latency, slowest first.' }) routes!: RouteTrafficDto[];
  @ApiProperty({ type: [WebVitalPageDto], description: 'Web Vitals the browsers reported in the range, by page (then metric and source).' })
  vitals!: WebVitalPageDto[];
  @ApiProperty({ type: EventBacklogDto, description: "The shop's own event backlog at the time of the request (not over the range)." })
  events!: EventBacklogDto;
}
