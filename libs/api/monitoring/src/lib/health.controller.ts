import { Controller, Get, Optional, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@kassa/api/http';
import { HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { RedisHealthIndicator } from './redis-health.indicator';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    @Optional() private readonly redis?: RedisHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({
    operationId: 'getLiveness',
    summary: 'Check liveness',
    description: 'Answers 200 while the process runs; no dependency is checked. For load balancers and orchestrators.',
  })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Check readiness',
    description: 'Pings the database, and Redis when configured: 200 when every part answers, 503 with the failing parts otherwise.',
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    const redis = this.redis;
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 2_000 }), ...(redis ? [() => redis.isHealthy('redis')] : [])]);
    } catch (error) {
      // Keep terminus' report (which part is down) rather than a generic problem document.
      if (error instanceof ServiceUnavailableException) {
        reply.status(503);
        return error.getResponse() as HealthCheckResult;
      }
      throw error;
    }
  }
}
