import { availableParallelism } from 'node:os';
import { ConfigError, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  it('runs embedded with in-process stand-ins when no DATABASE_URL or REDIS_URL is set', () => {
    const sut = loadAppConfig({});
    expect(sut.runtimeMode).toEqual({ database: 'embedded', redis: 'in-process' });
    expect(sut.port).toBe(3000);
    expect(sut.database.dataDir).toBe('./data');
  });

  it('uses the real servers when both URLs are set', () => {
    const sut = loadAppConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kassa',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(sut.runtimeMode).toEqual({ database: 'postgres', redis: 'redis' });
    expect(sut.redis).toEqual({ url: 'redis://127.0.0.1:6379', keyPrefix: 'kassa:', bullPrefix: 'kassa:bull' });
  });

  it('reads a Redis Cluster for the socket adapter and queues, with a hash-tagged queue prefix', () => {
    const sut = loadAppConfig({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CLUSTER_NODES: '127.0.0.1:7001,redis-b.internal:7002' });
    expect(sut.redis?.clusterNodes).toEqual([
      { host: '127.0.0.1', port: 7001 },
      { host: 'redis-b.internal', port: 7002 },
    ]);
    expect(sut.redis?.bullPrefix).toBe('{kassa:bull}');
  });

  it('refuses a Redis Cluster without REDIS_URL, and malformed cluster nodes', () => {
    expect(() => loadAppConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7001' })).toThrow(/REDIS_URL: still required/);
    expect(() => loadAppConfig({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CLUSTER_NODES: '127.0.0.1' })).toThrow(/REDIS_CLUSTER_NODES/);
  });

  describe('API_WORKERS', () => {
    const servers = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kassa', REDIS_URL: 'redis://127.0.0.1:6379' };

    it('runs one process outside production and one per CPU in production, on PostgreSQL and Redis', () => {
      expect(loadAppConfig(servers).apiWorkers).toBe(1);
      expect(loadAppConfig({ ...servers, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).apiWorkers).toBe(availableParallelism());
      expect(loadAppConfig({ ...servers, API_WORKERS: '3' }).apiWorkers).toBe(3);
    });

    it('runs one process in embedded mode and without Redis, and refuses more than one without Redis', () => {
      expect(loadAppConfig({ API_WORKERS: '2' }).apiWorkers).toBe(1);
      expect(loadAppConfig({ DATABASE_URL: servers.DATABASE_URL, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).apiWorkers).toBe(1);
      expect(() => loadAppConfig({ DATABASE_URL: servers.DATABASE_URL, API_WORKERS: '2' })).toThrow(/API_WORKERS: more than 1 needs REDIS_URL/);
      expect(() => loadAppConfig({ ...servers, API_WORKERS: '0' })).toThrow(/API_WORKERS/);
    });
  });

  it('converts numbers and booleans from their text form', () => {
    const sut = loadAppConfig({ PORT: '4100', DATABASE_MIGRATE_ON_START: 'false', DATABASE_POOL_SIZE: '3' });
    expect(sut.port).toBe(4100);
    expect(sut.database.migrateOnStart).toBe(false);
    expect(sut.database.poolSize).toBe(3);
  });

  it('treats empty variables as unset', () => {
    expect(loadAppConfig({ DATABASE_URL: '', REDIS_URL: '' }).runtimeMode.database).toBe('embedded');
  });

  it('names every malformed variable and what it expects', () => {
    let error: unknown;
    try {
      loadAppConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://db/kassa', KASSA_ROLE: 'cron' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('PORT:'))).toContain('"eighty"');
    expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toMatch(/URL/);
    expect(problems.find((p) => p.startsWith('KASSA_ROLE:'))).toMatch(/api, worker/);
  });

  it('trusts forwarded addresses only from loopback unless told otherwise', () => {
    expect(loadAppConfig({}).trustProxy).toBe('loopback');
    expect(loadAppConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadAppConfig({ TRUST_PROXY: '10.0.0.0/8,192.168.1.5' }).trustProxy).toBe('10.0.0.0/8,192.168.1.5');
    expect(() => loadAppConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required in production/);
    expect(loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).auth.jwtSecret).toHaveLength(32);
  });

  it('sends mail over SMTP only with a user and password in SMTP_URL, and otherwise writes .eml files under the data dir', () => {
    expect(loadAppConfig({ KASSA_DATA_DIR: '/srv/kassa' }).mail).toMatchObject({ smtpUrl: undefined, directory: '/srv/kassa/mail' });
    expect(loadAppConfig({ SMTP_URL: 'smtps://mailer:s3cret@smtp.example.com:465' }).mail.smtpUrl).toBe('smtps://mailer:s3cret@smtp.example.com:465');
    expect(loadAppConfig({ SMTP_URL: 'smtp://mailer:s3cret@127.0.0.1:2525' }).mail.smtpUrl).toBe('smtp://mailer:s3cret@127.0.0.1:2525');
    for (const bad of ['smtp://smtp.example.com:25', 'http://mailer:s3cret@smtp.example.com', 'mailer:s3cret@smtp.example.com']) {
      expect(() => loadAppConfig({ SMTP_URL: bad })).toThrow(/SMTP_URL: SMTP_URL must be smtp:\/\/ or smtps:\/\/ with a user and password/);
    }
  });

  it('never repeats a malformed secret in its message', () => {
    expect(() => loadAppConfig({ SMTP_URL: 'ftp://mailer:hunter2@mail' })).toThrow(/SMTP_URL: .*\(got a value, not shown\)/);
    expect(() => loadAppConfig({ SMTP_URL: 'ftp://mailer:hunter2@mail' })).not.toThrow(/hunter2/);
  });
});
