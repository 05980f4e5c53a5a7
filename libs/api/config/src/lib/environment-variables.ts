import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

function toInteger({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
}

/** Every environment variable the API reads, with its default. README's configuration table lists the same. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsIn(['api', 'worker'])
  KASSA_ROLE: 'api' | 'worker' = 'api';

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(1)
  HOST = '0.0.0.0';

  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** API processes sharing the port (node:cluster); unset: the CPUs in production, 1 otherwise. More than 1 needs REDIS_URL. */
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(64)
  API_WORKERS?: number;

  @Transform(toBoolean)
  @IsIn([true, false])
  DATABASE_MIGRATE_ON_START = true;

  @IsString()
  @MinLength(1)
  KASSA_DATA_DIR = './data';

  @IsOptional()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL?: string;

  @Matches(/^[\w:.-]{1,64}$/, { message: 'REDIS_KEY_PREFIX must be 1-64 letters, digits or _ : . -' })
  REDIS_KEY_PREFIX = 'kassa:';

  /**
   * A Redis Cluster (`host:port,…`, any reachable nodes; the rest are discovered) for the socket adapter and the
   * queues, which then use the hash-tagged prefix `{<REDIS_KEY_PREFIX>bull}` so BullMQ's multi-key scripts stay on one slot.
   */
  @IsOptional()
  @Matches(/^[\w.-]+:\d{1,5}(,[\w.-]+:\d{1,5})*$/, { message: 'REDIS_CLUSTER_NODES must be comma-separated host:port pairs' })
  REDIS_CLUSTER_NODES?: string;

  /** Signs access tokens. Required in production; elsewhere a random one per process is used. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Bearer token Prometheus sends to /metrics. Unset: /metrics answers loopback callers only, and nobody in production. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** off: every read goes to the database (for benchmarks and for ruling the cache out when debugging). */
  @IsIn(['on', 'off'])
  CACHE: 'on' | 'off' = 'on';

  /** Errors are also forwarded to this Sentry DSN when set. */
  @IsOptional()
  @IsString()
  SENTRY_DSN?: string;

  /**
   * The web build's source maps for browser stacks, as a folder standing for the web app's `/_next/` (a build's
   * `.next`, or a copy of the `.js.map` files under its `static` folder). Unset: browser stacks are stored as reported.
   */
  @IsOptional()
  @IsString()
  WEB_SOURCE_MAPS_DIR?: string;

  /** How often each process adds its per-tenant request rollups to the database. */
  @Transform(toInteger)
  @IsInt()
  @Min(50)
  MONITORING_FLUSH_MS = 10_000;

  /** Days of per-tenant request rollups kept. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  MONITORING_RETENTION_DAYS = 30;

  @Transform(toInteger)
  @IsInt()
  @Min(60)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /**
   * How long each API process trusts a user it has loaded for an access token before loading them again: a
   * deactivation, removal, role or store change takes effect within this bound. 0 loads the user on every request.
   */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(60_000)
  AUTH_ACTOR_CACHE_MS = 5_000;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** A spent refresh token presented again within this many seconds gets a fresh pair (two tabs refreshing at once). */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(300)
  REFRESH_REUSE_GRACE_SECONDS = 10;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_IP = 50;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_SECONDS = 900;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(720)
  INVITE_TTL_HOURS = 72;

  /** Publish events from this process (API or worker). Several relays may run at once. */
  @Transform(toBoolean)
  @IsIn([true, false])
  OUTBOX_RELAY = true;

  /** How often the relay looks for events when nothing woke it. */
  @Transform(toInteger)
  @IsInt()
  @Min(50)
  OUTBOX_POLL_MS = 1000;

  /** Events stamped but not handed to the queue this long ago (a relay died in between) are handed over again. */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  OUTBOX_RECOVERY_SECONDS = 30;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(50)
  OUTBOX_MAX_ATTEMPTS = 5;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  OUTBOX_RETRY_BACKOFF_MS = 1000;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  EVENTS_RETENTION_DAYS = 30;

  /** Let webhooks reach private, loopback and link-local addresses (tests only). */
  @Transform(toBoolean)
  @IsIn([true, false])
  WEBHOOK_ALLOW_PRIVATE_TARGETS = false;

  /** Delay before each webhook attempt, first attempt included (DESIGN.md §4). */
  @Matches(/^\d+(,\d+)*$/, { message: 'WEBHOOK_RETRY_SCHEDULE_MS must be comma-separated milliseconds' })
  WEBHOOK_RETRY_SCHEDULE_MS = '0,5000,300000,1800000,7200000,18000000,36000000,36000000';

  @Transform(toInteger)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** Deliveries to one endpoint in flight at once per process; more wait, so a hung partner holds only its own slots. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT = 4;

  /** How often pending deliveries overdue by this long are queued again (a job lost with Redis, or a restart in embedded mode). */
  @Transform(toInteger)
  @IsInt()
  @Min(100)
  WEBHOOK_SWEEP_MS = 60_000;

  /** The API's public base URL (`https://api.example.com`): the OpenAPI document's server. Unset: the request's own origin. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s,]+$/, { message: 'PUBLIC_API_URL must be an http(s) URL' })
  PUBLIC_API_URL?: string;

  @Matches(/^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/, {
    message: 'WEB_ORIGIN must be one or more comma-separated http(s) origins',
  })
  WEB_ORIGIN = 'http://localhost:3001';

  /**
   * Which proxies may set X-Forwarded-For (the client address used by login throttling and audit):
   * `loopback` (the web app's proxy on the same host), `false`, `true` (any: only behind a proxy
   * that overwrites the header), or comma-separated addresses/CIDRs.
   */
  @Matches(/^(true|false|loopback|[\d.:/a-fA-F]+(,[\d.:/a-fA-F]+)*)$/, {
    message: 'TRUST_PROXY must be true, false, loopback or comma-separated IP addresses/CIDRs',
  })
  TRUST_PROXY = 'loopback';

  /** How long a request waits for a concurrent one with the same Idempotency-Key before answering 409. */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(60_000)
  IDEMPOTENCY_WAIT_MS = 5000;

  /**
   * Where mail goes: `smtp://user:password@host:587` (STARTTLS when the server offers it) or `smtps://…:465`.
   * Unset: each mail is written as an .eml file under KASSA_DATA_DIR/mail.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^:@/\s]+:[^@/\s]+@[^:/\s]+(:\d{1,5})?\/?$/, {
    message: 'SMTP_URL must be smtp:// or smtps:// with a user and password: smtp://user:password@host:587',
  })
  SMTP_URL?: string;

  /** The From of every mail: an address, or `Name <address>`. */
  @Matches(/^([^<>\r\n]+<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, { message: 'MAIL_FROM must be an address or Name <address>' })
  MAIL_FROM = 'Kassa <no-reply@kassa.localhost>';

  /** Receipts a shop may email per hour (POST /sales/{id}/receipt/email); more answer 429. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  RECEIPT_EMAILS_PER_HOUR = 100;

  /**
   * A socket whose access token is about to expire is asked for a fresh one this many seconds before it does, and is
   * disconnected when it expires without one.
   */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(600)
  REALTIME_REAUTH_GRACE_SECONDS = 60;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
}
