import helmet from '@fastify/helmet';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@kassa/api/config';
import { databaseErrorToApiException } from '@kassa/api/database';
import {
  answerClientError,
  answerRouterRefusal,
  createValidationPipe,
  honourRouteBodyLimits,
  installInputGuard,
  installJsonBodyParser,
  installProblemSafetyNet,
  ProblemDetailsFilter,
  REQUEST_ID_HEADER,
  requestIdFor,
} from '@kassa/api/http';
import { createLogger, ErrorTracker, installRequestMetrics, KassaMetrics, PinoNestLogger, RequestRollups } from '@kassa/api/monitoring';
import { RealtimeIoAdapter } from '@kassa/api/realtime';
import { installSpreadsheetBodyParsers } from '@kassa/api/spreadsheets';
import { AppModule } from './app.module';
import { setUpOpenApi } from './open-api';

export interface CreateApiAppOptions {
  /** Extra modules mounted beside the real ones: test probes only (e2e suites), never in main.ts. */
  probeModules?: Type[];
}

/** Builds the whole API (not yet listening): used by main.ts and, unchanged, by the e2e suites. */
export async function createApiApp(config: AppConfig, options: CreateApiAppOptions = {}): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: requestIdFor,
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    // Refusals that happen before Nest sees the request still answer problem+json.
    frameworkErrors: answerRouterRefusal,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.probeModules), adapter, {
    logger: new PinoNestLogger(logger),
    // JSON bodies go through installJsonBodyParser below, so their errors carry our codes.
    bodyParser: false,
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  installRequestMetrics(fastify, app.get(KassaMetrics), app.get(RequestRollups));
  installJsonBodyParser(fastify);
  await installSpreadsheetBodyParsers(fastify);
  installInputGuard(fastify);
  installProblemSafetyNet(fastify);
  honourRouteBodyLimits(fastify);
  await app.register(helmet, {
    // Swagger UI at /api/docs needs its inline bootstrap styles; everything else is JSON.
    contentSecurityPolicy: { directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] } },
  });
  app.enableCors({ origin: config.webOrigins, credentials: true, exposedHeaders: [REQUEST_ID_HEADER] });
  app.setGlobalPrefix('api/v1', { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());
  const errors = app.get(ErrorTracker);
  app.useGlobalFilters(new ProblemDetailsFilter([databaseErrorToApiException], (error, request) => errors.captureRequestError(error, request)));
  setUpOpenApi(app, config);
  const sockets = new RealtimeIoAdapter(app, config);
  await sockets.connect();
  app.useWebSocketAdapter(sockets);
  return app;
}
