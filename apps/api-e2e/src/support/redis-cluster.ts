import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eventually, freePort } from '@kassa/testing';

const run = promisify(execFile);

export interface RedisClusterNode {
  port: number;
  process: ChildProcess;
}

/** A Redis Cluster on loopback ports in its own temporary folder: 3 primaries with a replica each. */
export interface TestRedisCluster {
  nodes: RedisClusterNode[];
  /** `host:port,…` as REDIS_CLUSTER_NODES takes it. */
  spec: string;
  cli(port: number, ...args: string[]): Promise<string>;
  /** The port of the primary serving the hash slot of `key`. */
  primaryFor(key: string): Promise<number>;
  /** SIGKILLs a node; resolves once another node has taken over its slots. */
  killPrimary(port: number): Promise<void>;
  /** Starts a killed node again on its port and config file: it rejoins as a replica. */
  restart(port: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedisCluster(): Promise<TestRedisCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kassa-redis-cluster-'));
  const nodes: RedisClusterNode[] = [];
  const cli = async (port: number, ...args: string[]) => (await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args])).stdout.trim();
  const busPorts = new Map<number, number>();
  const spawnNode = (port: number, busPort: number) => {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-port',
        String(busPort),
        '--cluster-config-file',
        `nodes-${port}.conf`,
        '--cluster-node-timeout',
        '1000',
        // A replica must have synced before its primary dies, or it refuses to take over: start the sync at once
        // (Redis 7 waits 5 s by default) and let any replica take over, however long ago it last heard its primary.
        '--repl-diskless-sync-delay',
        '0',
        '--cluster-replica-validity-factor',
        '0',
        '--appendonly',
        'no',
        '--save',
        '',
        '--dir',
        dir,
      ],
      { stdio: 'ignore' },
    );
    // Never outlive the test run, even one that ends without its afterAll.
    process.once('exit', () => child.kill('SIGKILL'));
    return child;
  };
  for (let index = 0; index < 6; index++) {
    const [port, busPort] = [await freePort(), await freePort()];
    busPorts.set(port, busPort);
    nodes.push({ port, process: spawnNode(port, busPort) });
  }
  for (const node of nodes)
    await eventually(
      () => cli(node.port, 'ping').catch(() => ''),
      (answer) => answer === 'PONG',
      10_000,
    );
  await run('redis-cli', ['--cluster', 'create', ...nodes.map((node) => `127.0.0.1:${node.port}`), '--cluster-replicas', '1', '--cluster-yes']);
  for (const node of nodes) {
    await eventually(
      () => cli(node.port, 'cluster', 'info'),
      (info) => info.includes('cluster_state:ok'),
      20_000,
    );
  }
  for (const node of nodes) {
    await eventually(
      () => cli(node.port, 'info', 'replication'),
      (info) => info.includes('role:master') || info.includes('master_link_status:up'),
      20_000,
    );
  }
  const alive = () => nodes.filter((node) => node.process.exitCode === null && node.process.signalCode === null);

  const servingPrimary = async (key: string) => {
    const witness = alive()[0].port;
    const slot = Number(await cli(witness, 'cluster', 'keyslot', key));
    const lines = (await cli(witness, 'cluster', 'nodes')).split('\n');
    for (const line of lines) {
      const [, address, flags, , , , , state, ...ranges] = line.split(' ');
      if (!flags.includes('master') || flags.includes('fail') || state !== 'connected') continue;
      for (const range of ranges) {
        const [from, to = from] = range.split('-').map(Number);
        if (slot >= from && slot <= to) return Number(address.split('@')[0].split(':')[1]);
      }
    }
    throw new Error(`no primary serves slot ${slot}`);
  };

  const primaryFor = (key: string) =>
    // Right after a failover the nodes' views of who serves a slot settle within a gossip round or two.
    eventually(
      () => servingPrimary(key).catch(() => 0),
      (port) => port > 0,
      20_000,
    );

  return {
    nodes,
    spec: nodes.map((node) => `127.0.0.1:${node.port}`).join(','),
    cli,
    primaryFor,
    async killPrimary(port) {
      const witness = alive().find((node) => node.port !== port)?.port ?? 0;
      nodes.find((node) => node.port === port)?.process.kill('SIGKILL');
      // Taken over once the others flag it failed and every slot is served again (its replica was promoted).
      await eventually(
        async () => {
          const failed = (await cli(witness, 'cluster', 'nodes')).split('\n').some((line) => line.includes(`:${port}@`) && line.includes('fail'));
          return failed && (await cli(witness, 'cluster', 'info')).includes('cluster_state:ok');
        },
        (takenOver) => takenOver,
        20_000,
      );
    },
    async restart(port) {
      const node = nodes.find((candidate) => candidate.port === port);
      if (!node) throw new Error(`no node on ${port}`);
      node.process = spawnNode(port, busPorts.get(port) ?? 0);
      await eventually(
        async () => (await cli(port, 'cluster', 'info').catch(() => '')).includes('cluster_state:ok'),
        (ok) => ok,
        20_000,
      );
    },
    async stop() {
      for (const node of nodes) node.process.kill('SIGKILL');
      await Promise.all(
        nodes.map((node) =>
          node.process.exitCode === null && node.process.signalCode === null ? new Promise((r) => node.process.once('exit', r)) : undefined,
        ),
      );
      await rm(dir, { recursive: true, force: true });
    },
  };
}
