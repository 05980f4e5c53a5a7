import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { Pool, PoolClient } from 'pg';
import { GuardedClient } from './guarded-client';

/** A PostgreSQL message: its type byte, its length, its body. */
function message(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), length, body]);
}

const fields = (entries: [string, string][]) => Buffer.concat([...entries.map(([code, text]) => Buffer.from(`${code}${text}\0`)), Buffer.from('\0')]);

/**
 * A server that accepts the startup, then is terminated in the same packet: AuthenticationOk, ReadyForQuery and a
 * FATAL 57P01 arrive in one read, as when pg_terminate_backend hits a backend that has just started.
 */
function terminatedOnStartup(): Promise<Server> {
  const server = createServer((socket: Socket) => {
    socket.once('data', () => {
      socket.end(
        Buffer.concat([
          message('R', Buffer.from([0, 0, 0, 0])),
          message('Z', Buffer.from('I')),
          message(
            'E',
            fields([
              ['S', 'FATAL'],
              ['V', 'FATAL'],
              ['C', '57P01'],
              ['M', 'terminating connection due to administrator command'],
            ]),
          ),
        ]),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** As TypeORM's driver takes a client: its own 'error' listener goes on once the connect promise has resolved. */
function connectAsTypeOrm(pool: Pool): Promise<PoolClient> {
  return new Promise<PoolClient>((resolve, reject) => pool.connect((error, client) => (error || !client ? reject(error) : resolve(client)))).then((client) => {
    client.on('error', () => undefined);
    return client;
  });
}

describe('GuardedClient', () => {
  let server: Server;
  beforeAll(async () => (server = await terminatedOnStartup()));
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('survives a connection ended before TypeORM listens to it: its queries fail, and the pool drops it', async () => {
    const { port } = server.address() as AddressInfo;
    const pool = new Pool({ host: '127.0.0.1', port, user: 'kassa', database: 'kassa', Client: GuardedClient });
    const client = await connectAsTypeOrm(pool);
    await expect(client.query('SELECT 1')).rejects.toThrow(/not queryable|terminat/);
    client.release();
    expect(pool.totalCount).toBe(0);
    await pool.end();
  });
});
