import { availableParallelism } from 'node:os';
import path from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import type { RuntimeMode } from '@kassa/contracts';
import { EnvironmentVariables } from './environment-variables';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The API's validated settings, read once at boot. The only place that reads the environment. */
export class AppConfig {
  readonly nodeEnv: EnvironmentVariables['NODE_ENV'];
  readonly role: EnvironmentVariables['KASSA_ROLE'];
  readonly port: number;
  /**
   * API processes sharing the port (API_WORKERS, decision 0039): 1 in embedded mode, without Redis (in-process cache,
   * queue and socket adapter do not span processes) and by default outside production; the CPUs in production.
   */
  readonly apiWorkers: number;
  readonly host: string;
  readonly database: { url?: string; dataDir: string; poolSize: number; migrateOnStart: boolean };
  /**
   * `url` serves the single-connection users (login throttle, health); with `clusterNodes`, the socket adapter and the
   * queues use the Cluster instead (decision 0017).
   */
  readonly redis?: { url: string; keyPrefix: string; clusterNodes?: { host: string; port: number }[]; bullPrefix: string };
  readonly realtime: { reauthGraceSeconds: number };
  readonly webOrigins: string[];
  /** The OpenAPI document's server; unset, each request's own origin. */
  readonly publicApiUrl?: string;
  readonly outbox: {
    relay: boolean;
    pollMs: number;
    recoverySeconds: number;
    maxAttempts: number;
    retryBackoffMs: number;
    retentionDays: number;
  };
  readonly webhooks: {
    allowPrivateTargets: boolean;
    retryScheduleMs: number[];
    timeoutMs: number;
    maxInFlightPerEndpoint: number;
    sweepMs: number;
  };
  readonly auth: {
    jwtSecret?: string;
    accessTokenTtlSeconds: number;
    /** How long a loaded user is trusted per process (AUTH_ACTOR_CACHE_MS); 0: loaded on every request. */
    actorCacheMs: number;
    refreshTokenTtlDays: number;
    refreshReuseGraceSeconds: number;
    inviteTtlHours: number;
    login: { maxFailures: number; maxFailuresPerIp: number; lockoutSeconds: number };
  };
  readonly mail: {
    /** Unset: mail is written as .eml files into `directory`. */
    smtpUrl?: string;
    directory: string;
    from: string;
    receiptEmailsPerHour: number;
  };
  readonly logLevel: EnvironmentVariables['LOG_LEVEL'];
  readonly metrics: { token?: string };
  readonly cacheEnabled: boolean;
  readonly monitoring: { sentryDsn?: string; flushMs: number; retentionDays: number; webSourceMapsDir?: string };
  readonly idempotencyWaitMs: number;
  /** Fastify's trustProxy setting. */
  readonly trustProxy: boolean | string;

  constructor(env: EnvironmentVariables) {
    this.nodeEnv = env.NODE_ENV;
    this.role = env.KASSA_ROLE;
    this.port = env.PORT;
    const clusterable = env.DATABASE_URL !== undefined && env.REDIS_URL !== undefined;
    this.apiWorkers = clusterable ? (env.API_WORKERS ?? (env.NODE_ENV === 'production' ? availableParallelism() : 1)) : 1;
    this.host = env.HOST;
    this.database = {
      url: env.DATABASE_URL,
      dataDir: env.KASSA_DATA_DIR,
      poolSize: env.DATABASE_POOL_SIZE,
      migrateOnStart: env.DATABASE_MIGRATE_ON_START,
    };
    this.redis = redisSettings(env);
    this.realtime = { reauthGraceSeconds: env.REALTIME_REAUTH_GRACE_SECONDS };
    this.webOrigins = env.WEB_ORIGIN.split(',');
    this.publicApiUrl = env.PUBLIC_API_URL?.replace(/\/+$/, '');
    this.outbox = {
      relay: env.OUTBOX_RELAY,
      pollMs: env.OUTBOX_POLL_MS,
      recoverySeconds: env.OUTBOX_RECOVERY_SECONDS,
      maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
      retryBackoffMs: env.OUTBOX_RETRY_BACKOFF_MS,
      retentionDays: env.EVENTS_RETENTION_DAYS,
    };
    this.webhooks = {
      allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      retryScheduleMs: env.WEBHOOK_RETRY_SCHEDULE_MS.split(',').map(Number),
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      maxInFlightPerEndpoint: env.WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT,
      sweepMs: env.WEBHOOK_SWEEP_MS,
    };
    this.auth = {
      jwtSecret: env.JWT_SECRET,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      actorCacheMs: env.AUTH_ACTOR_CACHE_MS,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      refreshReuseGraceSeconds: env.REFRESH_REUSE_GRACE_SECONDS,
      inviteTtlHours: env.INVITE_TTL_HOURS,
      login: {
        maxFailures: env.LOGIN_MAX_FAILURES,
        maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
        lockoutSeconds: env.LOGIN_LOCKOUT_SECONDS,
      },
    };
    this.mail = {
      smtpUrl: env.SMTP_URL,
      directory: path.join(env.KASSA_DATA_DIR, 'mail'),
      from: env.MAIL_FROM,
      receiptEmailsPerHour: env.RECEIPT_EMAILS_PER_HOUR,
    };
    this.logLevel = env.LOG_LEVEL;
    this.metrics = { token: env.METRICS_TOKEN };
    this.cacheEnabled = env.CACHE === 'on';
    this.monitoring = {
      sentryDsn: env.SENTRY_DSN,
      flushMs: env.MONITORING_FLUSH_MS,
      retentionDays: env.MONITORING_RETENTION_DAYS,
      webSourceMapsDir: env.WEB_SOURCE_MAPS_DIR,
    };
    this.idempotencyWaitMs = env.IDEMPOTENCY_WAIT_MS;
    this.trustProxy = env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY === 'false' ? false : env.TRUST_PROXY;
  }

  /**
   * Which backing services run: the one place that chooses embedded PostgreSQL and the
   * in-process stand-ins (queue, sign-in throttle) over the real servers.
   */
  get runtimeMode(): RuntimeMode {
    return {
      database: this.database.url ? 'postgres' : 'embedded',
      redis: this.redis ? 'redis' : 'in-process',
    };
  }
}

/** Variables that carry credentials: a malformed one is named, never echoed, since the message reaches logs. */
const SECRET_VARIABLES = new Set(['JWT_SECRET', 'SMTP_URL']);

function redisSettings(env: EnvironmentVariables): AppConfig['redis'] {
  const clusterNodes = env.REDIS_CLUSTER_NODES?.split(',').map((node) => {
    const at = node.lastIndexOf(':');
    return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
  });
  const url = env.REDIS_URL;
  if (!url) return undefined;
  const keyPrefix = env.REDIS_KEY_PREFIX;
  // A Cluster keeps a queue's keys on one slot only under a hash tag (BullMQ's multi-key scripts need that).
  return { url, keyPrefix, clusterNodes, bullPrefix: clusterNodes ? `{${keyPrefix}bull}` : `${keyPrefix}bull` };
}

function describe(errors: ValidationError[], env: Record<string, string | undefined>): string[] {
  return errors.map((error) => {
    const expected = Object.values(error.constraints ?? {}).join('; ');
    const given = env[error.property];
    if (given === undefined) return `${error.property}: ${expected}`;
    return `${error.property}: ${expected} (got ${SECRET_VARIABLES.has(error.property) ? 'a value, not shown' : JSON.stringify(given)})`;
  });
}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings count as unset, as shells and compose files often leave them.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const variables = plainToInstance(EnvironmentVariables, given, { excludeExtraneousValues: false });
  const problems = describe(validateSync(variables, { whitelist: false }), env);
  if (variables.NODE_ENV === 'production' && !variables.JWT_SECRET) {
    problems.push('JWT_SECRET: required in production (at least 32 random characters)');
  }
  if (variables.REDIS_CLUSTER_NODES && !variables.REDIS_URL) {
    // The login throttle's multi-key scripts would cross slots on a Cluster (decision 0017).
    problems.push('REDIS_URL: still required with REDIS_CLUSTER_NODES, for the login throttle and health checks');
  }
  if ((variables.API_WORKERS ?? 1) > 1 && variables.DATABASE_URL && !variables.REDIS_URL) {
    problems.push('API_WORKERS: more than 1 needs REDIS_URL (the in-process cache, queue and socket adapter do not span processes)');
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return new AppConfig(variables);
}
