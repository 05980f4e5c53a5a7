import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { IsCalendarDate, QueryBoolean, QueryInteger } from '@kassa/api/http';

export const ANALYTICS_METRICS = ['revenue', 'transactions', 'quantity'] as const;
export type AnalyticsMetric = (typeof ANALYTICS_METRICS)[number];

/** Filters every analytics answer shares: a store (else every store the caller may see) and local days. */
export class AnalyticsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ format: 'date', description: "First local day (shop's time zone); default 89 days before `to`." })
  @IsOptional()
  @IsCalendarDate()
  from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Last local day, included; default today.' }) @IsOptional() @IsCalendarDate() to?: string;
}

export class MetricQueryDto extends AnalyticsQueryDto {
  @ApiPropertyOptional({ enum: ANALYTICS_METRICS, default: 'revenue' }) @IsOptional() @IsIn(ANALYTICS_METRICS) metric?: AnalyticsMetric;
}

export class ForecastQueryDto extends MetricQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 90, default: 14, description: 'Days to forecast after `to`.' })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(90)
  horizon?: number;
}

const QueryNumber = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value));

export class AnomalyQueryDto extends MetricQueryDto {
  @ApiPropertyOptional({ enum: ['z-score', 'robust'], default: 'z-score' }) @IsOptional() @IsIn(['z-score', 'robust']) method?: 'z-score' | 'robust';
  @ApiPropertyOptional({ description: 'Score that flags a day; default 2.0 (z-score) or 3.5 (robust).', minimum: 0.5, maximum: 10 })
  @IsOptional()
  @QueryNumber()
  @IsNumber()
  @Min(0.5)
  @Max(10)
  threshold?: number;
}

export class LimitQueryDto extends AnalyticsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(200) limit?: number;
}

export class TopProductsQueryDto extends LimitQueryDto {
  @ApiPropertyOptional({ enum: ['revenue', 'quantity', 'margin'], default: 'revenue' })
  @IsOptional()
  @IsIn(['revenue', 'quantity', 'margin'])
  by?: 'revenue' | 'quantity' | 'margin';
}

export class BasketsQueryDto extends LimitQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 2, description: 'Leave out pairs bought together in fewer baskets.' })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  minCount?: number;
}

export class CustomersQueryDto extends LimitQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 3, description: 'Expected customer lifespan in years, for the predicted value.' })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(20)
  lifespanYears?: number;
}

export const ANALYTICS_REPORTS = ['summary', 'trend', 'forecast', 'seasonality', 'anomalies', 'top-products', 'baskets', 'customers', 'velocity'] as const;
export type AnalyticsReport = (typeof ANALYTICS_REPORTS)[number];

/** An export takes the filters of every report; those a report does not use are ignored. */
export class AnalyticsExportQueryDto extends ForecastQueryDto {
  @ApiProperty({ enum: ANALYTICS_REPORTS }) @IsIn(ANALYTICS_REPORTS) report!: AnalyticsReport;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx']) format!: 'csv' | 'xlsx';
  @ApiPropertyOptional({ description: 'CSV only: start with a UTF-8 byte order mark.' }) @IsOptional() @QueryBoolean() @IsBoolean() bom?: boolean;
  @ApiPropertyOptional({ enum: ['z-score', 'robust'] }) @IsOptional() @IsIn(['z-score', 'robust']) method?: 'z-score' | 'robust';
  @ApiPropertyOptional() @IsOptional() @QueryNumber() @IsNumber() @Min(0.5) @Max(10) threshold?: number;
  @ApiPropertyOptional({ enum: ['revenue', 'quantity', 'margin'] }) @IsOptional() @IsIn(['revenue', 'quantity', 'margin']) by?:
    'revenue' | 'quantity' | 'margin';
  @ApiPropertyOptional({ minimum: 1, maximum: 200 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(1_000_000) minCount?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 20 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(20) lifespanYears?: number;
}
