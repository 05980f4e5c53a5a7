import { ApiProperty } from '@nestjs/swagger';
import { ANALYTICS_METRICS, AnalyticsMetric } from './analytics-query.dto';

const OBJECT = { type: 'object', additionalProperties: true } as const;

/** What every answer says about the question it answers. */
export class AnalyticsScopeDto {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) storeId!: string | null;
  @ApiProperty() timeZone!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'One sentence in words.' }) explanation!: string;
}

export class PeriodFiguresDto {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ description: 'Line totals net of discounts, tax excluded, less refunds.' }) revenueMinor!: number;
  @ApiProperty({ description: 'Sales, voided ones excluded.' }) transactions!: number;
  @ApiProperty({ type: Number, nullable: true }) averageBasketMinor!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Revenue less cost over lines with a cost snapshot.' }) marginMinor!: number | null;
  @ApiProperty({ description: 'Lines left out of the margin for want of a cost snapshot.' }) unknownCostLines!: number;
  @ApiProperty() quantity!: number;
}

export class ChangeDto {
  @ApiProperty({ type: Number, nullable: true }) revenuePercent!: number | null;
  @ApiProperty({ type: Number, nullable: true }) transactionsPercent!: number | null;
  @ApiProperty({ type: Number, nullable: true }) averageBasketPercent!: number | null;
}

export class SummaryDto extends AnalyticsScopeDto {
  @ApiProperty({ type: PeriodFiguresDto }) current!: PeriodFiguresDto;
  @ApiProperty({ type: PeriodFiguresDto, description: 'The as long period just before.' }) previous!: PeriodFiguresDto;
  @ApiProperty({ type: ChangeDto }) vsPrevious!: ChangeDto;
  @ApiProperty({ type: PeriodFiguresDto, description: 'The last day of the period.' }) lastDay!: PeriodFiguresDto;
  @ApiProperty({ type: PeriodFiguresDto, description: 'The same weekday a week before the last day.' }) sameWeekdayLastWeek!: PeriodFiguresDto;
  @ApiProperty({ type: ChangeDto }) vsSameWeekdayLastWeek!: ChangeDto;
}

export class DailyPointDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() value!: number;
}

export class IntervalDto {
  @ApiProperty() low!: number;
  @ApiProperty() high!: number;
}

export class TrendDto extends AnalyticsScopeDto {
  @ApiProperty({ enum: ANALYTICS_METRICS }) metric!: AnalyticsMetric;
  @ApiProperty({ enum: ['up', 'down', 'flat'] }) direction!: 'up' | 'down' | 'flat';
  @ApiProperty({ type: Number, nullable: true }) changePercent!: number | null;
  @ApiProperty({ description: 'Least-squares slope per day.' }) slope!: number;
  @ApiProperty({ type: IntervalDto, nullable: true }) slopeInterval!: IntervalDto | null;
  @ApiProperty() intercept!: number;
  @ApiProperty({ type: Number, nullable: true }) fittedChangePercent!: number | null;
  @ApiProperty({ type: [DailyPointDto] }) series!: DailyPointDto[];
}

export class ForecastPointDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() value!: number;
  @ApiProperty() low!: number;
  @ApiProperty() high!: number;
}

export class ForecastDto extends AnalyticsScopeDto {
  @ApiProperty({ enum: ANALYTICS_METRICS }) metric!: AnalyticsMetric;
  @ApiProperty({ format: 'date', description: 'First day learnt from.' }) trainedFrom!: string;
  @ApiProperty() horizon!: number;
  @ApiProperty({ enum: ['seasonal-naive', 'linear', 'holt-winters'] }) best!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: [ForecastPointDto], description: "The best method's forecast." }) points!: ForecastPointDto[];
  @ApiProperty({ ...OBJECT, description: 'Every method’s forecast, by method.' }) methods!: Record<string, ForecastPointDto[]>;
  @ApiProperty({ ...OBJECT, description: 'Rolling-origin backtest over the last 28 days: MAE, MASE, MAPE per method.' }) backtest!: object;
  @ApiProperty(OBJECT) holtWintersParameters!: object;
}

export class SlotIndexDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'integer' }] }) slot!: string | number;
  @ApiProperty() index!: number;
}

export class SeasonalPatternDto {
  @ApiProperty({ type: [SlotIndexDto] }) indexes!: SlotIndexDto[];
  @ApiProperty() strength!: number;
  @ApiProperty() weak!: boolean;
  @ApiProperty() explanation!: string;
}

export class SeasonalityDto extends AnalyticsScopeDto {
  @ApiProperty({ enum: ANALYTICS_METRICS }) metric!: AnalyticsMetric;
  @ApiProperty({ type: SeasonalPatternDto }) dayOfWeek!: SeasonalPatternDto;
  @ApiProperty({ type: SeasonalPatternDto, description: 'Over up to three years before `to`.' }) monthOfYear!: SeasonalPatternDto;
  @ApiProperty({ type: SeasonalPatternDto, description: 'With `profile`: per-hour average and share.' }) hourOfDay!: SeasonalPatternDto & { profile: object[] };
}

export class AnomalyDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() value!: number;
  @ApiProperty() expected!: number;
  @ApiProperty() score!: number;
  @ApiProperty({ enum: ['above', 'below'] }) direction!: 'above' | 'below';
  @ApiProperty() explanation!: string;
}

export class AnomaliesDto extends AnalyticsScopeDto {
  @ApiProperty({ enum: ANALYTICS_METRICS }) metric!: AnalyticsMetric;
  @ApiProperty({ enum: ['z-score', 'robust'] }) method!: 'z-score' | 'robust';
  @ApiProperty() threshold!: number;
  @ApiProperty({ type: [AnomalyDto] }) anomalies!: AnomalyDto[];
}

export class ProductFiguresDto {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() revenueMinor!: number;
  @ApiProperty() quantity!: number;
  @ApiProperty({ type: Number, nullable: true }) marginMinor!: number | null;
  @ApiProperty() unknownCostLines!: number;
  @ApiProperty({ type: Number, nullable: true }) share!: number | null;
}

export class TopProductsDto extends AnalyticsScopeDto {
  @ApiProperty({ enum: ['revenue', 'quantity', 'margin'] }) by!: string;
  @ApiProperty({ type: [ProductFiguresDto] }) products!: ProductFiguresDto[];
  @ApiProperty() unknownCostLines!: number;
}

export class BasketPairDto {
  @ApiProperty({ format: 'uuid' }) productA!: string;
  @ApiProperty() productAName!: string;
  @ApiProperty({ format: 'uuid' }) productB!: string;
  @ApiProperty() productBName!: string;
  @ApiProperty() count!: number;
  @ApiProperty() support!: number;
  @ApiProperty() confidenceAToB!: number;
  @ApiProperty() confidenceBToA!: number;
  @ApiProperty() lift!: number;
  @ApiProperty() explanation!: string;
}

export class BasketsDto extends AnalyticsScopeDto {
  @ApiProperty() baskets!: number;
  @ApiProperty({ type: [BasketPairDto] }) pairs!: BasketPairDto[];
}

export class CustomerValueDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() orders!: number;
  @ApiProperty({ format: 'date' }) firstPurchase!: string;
  @ApiProperty({ format: 'date' }) lastPurchase!: string;
  @ApiProperty() historicMinor!: number;
  @ApiProperty() averageOrderMinor!: number;
  @ApiProperty() ordersPerYear!: number;
  @ApiProperty() predictedMinor!: number;
}

export class CohortDto {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty() customers!: number;
  @ApiProperty() revenueMinor!: number;
  @ApiProperty() averageHistoricMinor!: number;
  @ApiProperty() repeatRate!: number;
}

export class CustomersDto extends AnalyticsScopeDto {
  @ApiProperty() lifespanYears!: number;
  @ApiProperty({ type: [CustomerValueDto] }) customers!: CustomerValueDto[];
  @ApiProperty({ type: [CohortDto] }) cohorts!: CohortDto[];
}

export class ProductVelocityDto {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unitsPerDay!: number;
  @ApiProperty() revenuePerDayMinor!: number;
  @ApiProperty() stockOnHand!: number;
  @ApiProperty({ type: Number, nullable: true }) daysOfCover!: number | null;
  @ApiProperty() explanation!: string;
}

export class VelocityDto extends AnalyticsScopeDto {
  @ApiProperty() days!: number;
  @ApiProperty({ type: [ProductVelocityDto] }) products!: ProductVelocityDto[];
}
