import { Controller, Get, Query, Res } from '@nestjs/common';
import { transactionOutcome } from '@kassa/api/database';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { EarlyCacheHit } from '@kassa/api/cache';
import { Ctx, RequestContext, RequirePermissions } from '@kassa/api/http';
import { sendExport } from '@kassa/api/spreadsheets';
import type { FastifyReply } from 'fastify';
import { analyticsKeyOfRequest } from './analytics-cache-keys';
import { reportExport } from './analytics-export';
import { AnalyticsService } from './analytics.service';
import {
  AnalyticsExportQueryDto,
  AnalyticsQueryDto,
  AnomalyQueryDto,
  BasketsQueryDto,
  CustomersQueryDto,
  ForecastQueryDto,
  LimitQueryDto,
  MetricQueryDto,
  TopProductsQueryDto,
} from './dto/analytics-query.dto';
import { AnomaliesDto, BasketsDto, CustomersDto, ForecastDto, SeasonalityDto, SummaryDto, TopProductsDto, TrendDto, VelocityDto } from './dto/analytics.dto';

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly audit: AuditLog,
  ) {}

  @Get('summary')
  @EarlyCacheHit('analytics', analyticsKeyOfRequest('summary'))
  @ApiOperation({
    operationId: 'getAnalyticsSummary',
    summary: 'Summarize a period',
    description: 'Revenue, sales, average basket and margin against the period before.',
  })
  @RequirePermissions('analytics:read')
  @ApiOkResponse({ type: SummaryDto, description: 'Revenue, sales, average basket and margin, against the period before and the same weekday a week earlier.' })
  summary(@Ctx() context: RequestContext, @Query() query: AnalyticsQueryDto): Promise<SummaryDto> {
    return this.analytics.summary(context, query);
  }

  @Get('trend')
  @EarlyCacheHit('analytics', analyticsKeyOfRequest('trend'))
  @ApiOperation({
    operationId: 'getRevenueTrend',
    summary: 'Get the revenue trend',
    description: 'Direction, change and least-squares slope with its interval.',
  })
  @RequirePermissions('analytics:read')
  @ApiOkResponse({ type: TrendDto, description: 'Direction, % change against the period before and the least-squares slope with its interval.' })
  trend(@Ctx() context: RequestContext, @Query() query: MetricQueryDto): Promise<TrendDto> {
    return this.analytics.trend(context, query);
  }

  @Get('forecast')
  @EarlyCacheHit('analytics', analyticsKeyOfRequest('forecast'))
  @ApiOperation({
    operationId: 'getRevenueForecast',
    summary: 'Forecast revenue',
    description: 'The next days by three methods; the best by a 28-day backtest.',
  })
  @RequirePermissions('analytics:read')
  @ApiOkResponse({ type: ForecastDto, description: 'The next days by three methods, learnt from up to 365 days; the best by a 28-day backtest.' })
  forecast(@Ctx() context: RequestContext, @Query() query: ForecastQueryDto): Promise<ForecastDto> {
    return this.analytics.forecast(context, query);
  }

  @Get('seasonality')
  @EarlyCacheHit('analytics', analyticsKeyOfRequest('seasonality'))
  @ApiOperation({
    operationId: 'getSeasonality',
    summary: 'Get seasonality',
    description: 'Day-of-week, month-of-year and hour-of-day patterns with their strength.',
  })
  @RequirePermissions('analytics:read')
  @ApiOkResponse({ type: SeasonalityDto, description: 'Day-of-week and month-of-year indexes and the hour-of-day profile, with their strength.' })
  seasonality(@Ctx() context: RequestContext, @Query() query: MetricQueryDto): Promise<SeasonalityDto> {
    return this.analytics.seasonality(context, query);
  }

  @Get('anomalies')
  @EarlyCacheHit('analytics', analyticsKeyOfRequest('anomalies'))
  @ApiOperation({ operationId: 'listAnomalies', summary: 'List anomalous days', description: 'Days that stand out once trend and weekday are accounted for.' })
  @RequirePermissions('analytics:read')
  @ApiOkResponse({ type: AnomaliesDto, description: 'Days that stand out once trend and weekday are accounted for, each explained.' })
  anomalies(@Ctx() context: RequestContext, @Query() query: AnomalyQueryDto): Promise<AnomaliesDto> {
    return this.analytics.anomalies(context, query);
  }

  @Get('top-products')
  @EarlyCacheHit('analytics', analyticsKeyOfRequest('top-products'))
  @ApiOperation({ operationId: 'listTopProducts', summary: 'List top products', description: 'Products ranked by revenue, quantity or margin.' })
  @RequirePermissions('analytics:read')
  @ApiOkResponse({ type: TopProductsDto })
  topProducts(@Ctx() context: RequestContext, @Query() query: TopProductsQueryDto): Promise<TopProductsDto> {
    return this.analytics.topProducts(context, query);
  }

  @Get('baskets')
  @EarlyCacheHit('analytics', analyticsKeyOfRequest('baskets'))
  @ApiOperation({ operationId: 'listBasketPairs', summary: 'List products bought together', description: 'Pairs with support, confidence and lift.' })
  @RequirePermissions('analytics:read')
  @ApiOkResponse({ type: BasketsDto, description: 'Pairs bought together, with support, confidence and lift.' })
  baskets(@Ctx() context: RequestContext, @Query() query: BasketsQueryDto): Promise<BasketsDto> {
    return this.analytics.baskets(context, query);
  }

  @Get('customers')
  @EarlyCacheHit('analytics', analyticsKeyOfRequest('customers'))
  @ApiOperation({
    operationId: 'getCustomerValue',
    summary: 'Get customer lifetime value',
    description: 'Historic and predicted value per customer, and cohorts.',
  })
  @RequirePermissions('analytics:read')
  @ApiOkResponse({ type: CustomersDto, description: 'Customer lifetime value, historic and predicted, and cohorts by first-purchase month.' })
  customers(@Ctx() context: RequestContext, @Query() query: CustomersQueryDto): Promise<CustomersDto> {
    return this.analytics.customers(context, query);
  }

  @Get('velocity')
  @ApiOperation({
    operationId: 'listProductVelocity',
    summary: 'List product velocity',
    description: 'Units and revenue per day and days of cover, shortest cover first.',
  })
  @RequirePermissions('analytics:read')
  @ApiOkResponse({ type: VelocityDto, description: 'Units and revenue per day per product and days of cover from stock on hand, shortest cover first.' })
  velocity(@Ctx() context: RequestContext, @Query() query: LimitQueryDto): Promise<VelocityDto> {
    return this.analytics.velocity(context, query);
  }

  @Get('export')
  @ApiOperation({ operationId: 'exportAnalytics', summary: 'Export an analytics report', description: "One report's answer as CSV or xlsx." })
  @RequirePermissions('analytics:read')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: "One report's answer as CSV or xlsx (the same filters as the report)." })
  async export(@Ctx() context: RequestContext, @Query() query: AnalyticsExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const answer = await this.answer(context, query);
    const written = (rows: number) =>
      this.audit.record(auditScopeOf(context), { action: 'export', entityType: 'analytics', metadata: { report: query.report, format: query.format, rows } });
    await sendExport(reply, reportExport(query.report, answer, query.format, query.bom ?? false, written), transactionOutcome(context.manager));
  }

  private answer(context: RequestContext, query: AnalyticsExportQueryDto) {
    switch (query.report) {
      case 'summary':
        return this.analytics.summary(context, query);
      case 'trend':
        return this.analytics.trend(context, query);
      case 'forecast':
        return this.analytics.forecast(context, query);
      case 'seasonality':
        return this.analytics.seasonality(context, query);
      case 'anomalies':
        return this.analytics.anomalies(context, query);
      case 'top-products':
        return this.analytics.topProducts(context, query);
      case 'baskets':
        return this.analytics.baskets(context, query);
      case 'customers':
        return this.analytics.customers(context, query);
      case 'velocity':
        return this.analytics.velocity(context, query);
    }
  }
}
