import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { WEB_VITAL_METRICS, type WebVitalMetric } from '../web-vital-buckets';

export const CLIENT_SOURCES = ['web', 'pos'] as const;
export const MAX_CLIENT_EVENTS = 50;
/** A batch's body limit: 50 errors with trimmed stacks fit; anything bigger is refused before parsing. */
export const CLIENT_EVENTS_BODY_LIMIT = 64 * 1024;

export class ClientErrorDto {
  @ApiProperty({ enum: CLIENT_SOURCES, description: '`web` (back office) or `pos` (the till).' })
  @IsIn(CLIENT_SOURCES)
  source!: (typeof CLIENT_SOURCES)[number];
  @ApiProperty({ example: 'TypeError', description: "The error's name." }) @IsString() @MaxLength(200) type!: string;
  @ApiProperty() @IsString() @MaxLength(2_000) message!: string;
  @ApiPropertyOptional({ description: 'As the browser reports it (bundled file names and positions).' })
  @IsOptional()
  @IsString()
  @MaxLength(8_000)
  stack?: string;
  @ApiProperty({ example: '/products/[id]', description: 'The page, as a path without ids where possible.' }) @IsString() @MaxLength(300) route!: string;
  @ApiPropertyOptional({ description: "The web app's build." }) @IsOptional() @IsString() @MaxLength(100) appVersion?: string;
}

export class ClientVitalDto {
  @ApiProperty({ enum: CLIENT_SOURCES }) @IsIn(CLIENT_SOURCES) source!: (typeof CLIENT_SOURCES)[number];
  @ApiProperty({ enum: WEB_VITAL_METRICS }) @IsIn(WEB_VITAL_METRICS) metric!: WebVitalMetric;
  @ApiProperty({ description: 'Milliseconds (LCP, INP, TTFB) or the layout shift score (CLS), as `web-vitals` reports it.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(3_600_000)
  value!: number;
  @ApiProperty({ example: '/dashboard', description: 'The page, as a path without ids.' }) @IsString() @MaxLength(300) route!: string;
}

/** A batch holds errors, vitals or both; one of them must be there. */
export class ClientEventsDto {
  @ApiPropertyOptional({ type: [ClientErrorDto], description: `Uncaught errors and unhandled rejections, at most ${MAX_CLIENT_EVENTS} per batch.` })
  @ValidateIf((batch: ClientEventsDto) => batch.errors !== undefined || batch.vitals === undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CLIENT_EVENTS)
  // ValidateNested passes an array where an error belongs (it validates the inner array instead): refuse it here.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ClientErrorDto)
  errors?: ClientErrorDto[];

  @ApiPropertyOptional({ type: [ClientVitalDto], description: `Web Vitals (LCP, INP, CLS, TTFB), at most ${MAX_CLIENT_EVENTS} per batch.` })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CLIENT_EVENTS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ClientVitalDto)
  vitals?: ClientVitalDto[];
}

export class ClientEventsAcceptedDto {
  @ApiProperty({ description: 'Errors recorded in their error groups and vitals added to the rollups.' }) recorded!: number;
  @ApiProperty({ description: "Left out: the caller's per-minute allowance (errors, and vitals, each their own) was used up." }) dropped!: number;
}
