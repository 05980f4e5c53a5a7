import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequestAuthorizer } from '@kassa/api/auth';
import { installEarlyCacheHits, TenantCache } from '@kassa/api/cache';
import { AppConfig } from '@kassa/api/config';
import { databaseErrorToApiException } from '@kassa/api/database';
import {
  answerClientError,
  answerRouterRefusal,
  createValidationPipe,
  honourRouteBodyLimits,
  installCors,
  installInputGuard,
  installJsonBodyParser,
  installProblemSafetyNet,
  installSecurityHeaders,
  ProblemDetailsFilter,
  REQUEST_ID_HEADER,
  requestIdFor,
} from '@kassa/api/http';
import { createLogger, ErrorTracker, installRequestMetrics, KassaMetrics, PinoNestLogger, RequestRollups } from '@kassa/api/monitoring';
import { RealtimeIoAdapter } from '@kassa/api/realtime';
import { installSpreadsheetBodyParsers } from '@kassa/api/spreadsheets';
import { visibleStoreIds } from '@kassa/api/tenancy';
import { AppModule } from './app.module';
import { OPENAPI_DOCS_PATH, setUpOpenApi } from './open-api';

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
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // Before any hook that may refuse a request, so refusals carry it too. Not Nest's enableCors: its wrapper also copies
  // the headers onto the raw response for Nest middleware (there is none here), sending every answer down Node's slow path.
  installCors(fastify, { origins: config.webOrigins, exposedHeaders: [REQUEST_ID_HEADER] });
  installRequestMetrics(fastify, app.get(KassaMetrics), app.get(RequestRollups));
  installJsonBodyParser(fastify);
  await installSpreadsheetBodyParsers(fastify);
  installInputGuard(fastify);
  installProblemSafetyNet(fastify);
  honourRouteBodyLimits(fastify);
  const authorizer = app.get(RequestAuthorizer);
  installEarlyCacheHits(fastify, app.get(TenantCache), {
    authorize: (rule, request) => authorizer.authorize(rule, request),
    storeIdsOf: (authentication) => visibleStoreIds(authentication) ?? null,
  });
  installSecurityHeaders(fastify, {
    // Swagger UI needs its inline bootstrap styles; everything else is JSON.
    documents: {
      under: `/${OPENAPI_DOCS_PATH}`,
      options: { contentSecurityPolicy: { directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] } } },
    },
  });
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
