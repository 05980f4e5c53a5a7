import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '@kassa/api/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { KassaMetrics } from './kassa-metrics';
import { metricsUnauthorized } from './monitoring.exception';

export const METRICS_ACCESS = Symbol('METRICS_ACCESS');

/** Who may scrape: holders of METRICS_TOKEN; without one, loopback callers outside production. */
export interface MetricsAccess {
  token?: string;
  production: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Prometheus' scrape endpoint: outside /api/v1, guarded by its own token rather than a user's. */
@ApiTags('monitoring')
@ApiSecurity('metricsToken')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: KassaMetrics,
    @Inject(METRICS_ACCESS) private readonly access: MetricsAccess,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'scrapeMetrics',
    summary: 'Scrape Prometheus metrics',
    description:
      'Prometheus text exposition of this process. Needs the `METRICS_TOKEN` as a bearer token; without one configured, only loopback callers outside production.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4.' })
  @ApiUnauthorizedResponse({ description: 'No or another token, or not loopback when none is configured.' })
  async scrape(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.allows(request)) throw metricsUnauthorized();
    const body = await this.metrics.registry.metrics();
    await reply.header('content-type', this.metrics.registry.contentType).send(body);
  }

  private allows(request: FastifyRequest): boolean {
    const { token, production } = this.access;
    if (!token) return !production && LOOPBACK.has(request.ip);
    const given = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '');
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
