import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../scripts/local/free-port';
import { ensureRedisServer, waitForRedis } from '../../scripts/local/local-redis';

/**
 * Real local Redis topologies from Debian's redis-server (installed as root when missing, as
 * npm test does for the single server): a Cluster of masters with a replica each, and one master
 * with replicas under three Sentinels. Each node is a process of its own that a test may kill.
 */
type TNode = { port: number; child: ChildProcess };

export type TRedisTopology = {
  /** The REDIS_URL for the application (redis-cluster:// or redis-sentinel://). */
  url: string;
  password: string;
  /** The port of the master that now holds `key`. */
  masterOf: (key: string) => Promise<number>;
  /** SIGKILL the node on `port` (no shutdown, no last write to disk). */
  kill: (port: number) => void;
  stop: () => Promise<void>;
};

/** A short-lived connection to one node; a node that was killed only makes its command fail. */
function probe(options: { port: number; password?: string }): Redis {
  const r = new Redis({ ...options, lazyConnect: true, retryStrategy: () => null });
  r.on('error', () => {});
  return r;
}

function startNode(topologyDir: string, port: number, settings: string[], sentinel = false): TNode {
  // A folder per node: each keeps its own AOF and (in a cluster) its nodes file.
  const dir = join(topologyDir, String(port));
  mkdirSync(dir, { mode: 0o700 });
  const conf = join(dir, `${sentinel ? 'sentinel' : 'redis'}.conf`);
  writeFileSync(
    conf,
    [
      `port ${port}`,
      'bind 127.0.0.1',
      `dir "${dir}"`,
      'daemonize no',
      'protected-mode no',
      `logfile "${join(dir, `${port}.log`)}"`,
      ...settings,
    ].join('\n') + '\n',
  );
  const args = sentinel ? [conf, '--sentinel'] : [conf];
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  return { port, child };
}

/**
 * A data node on a free port, answering. A port found free may be taken before redis-server binds
 * it (other test runs start servers too): the server then exits, and another port is tried.
 */
async function startAnsweringNode(
  topologyDir: string,
  password: string,
  settings: (port: number) => string[],
): Promise<TNode> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const node = startNode(topologyDir, port, settings(port));
    try {
      await waitForRedis({ port, password }, node.child);
      return node;
    } catch (err) {
      node.child.kill('SIGKILL');
      if (attempt === 3) throw err;
    }
  }
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopAll(nodes: TNode[], dir: string) {
  return async () => {
    await Promise.all(
      nodes.map(
        ({ child }) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      ),
    );
    if (!process.env.KEEP_REDIS_TOPOLOGY) rmSync(dir, { recursive: true, force: true });
  };
}

const dataSettings = (password: string) => [
  `requirepass "${password}"`,
  `masterauth "${password}"`,
  'appendonly yes',
  'maxmemory-policy noeviction',
  'save ""',
  // Replicas sync at once (the default waits 5 s for more replicas to share one transfer): a
  // scenario that kills the master must not kill it before its replicas hold anything.
  'repl-diskless-sync-delay 0',
];

/** The replica on `port` has finished its first sync with its master and is streaming. */
async function inSync(port: number, password: string): Promise<true | undefined> {
  const r = probe({ port, password });
  try {
    return /master_link_status:up/.test(await r.info('replication')) ? true : undefined;
  } finally {
    r.disconnect();
  }
}

/** A master, or a replica in sync: the node on `port` can be relied on in a failover. */
async function replicaReady(port: number, password: string): Promise<true | undefined> {
  const r = probe({ port, password });
  try {
    const info = await r.info('replication');
    return info.includes('role:master') || info.includes('master_link_status:up')
      ? true
      : undefined;
  } finally {
    r.disconnect();
  }
}

/** `masters` masters with one replica each, slots spread by `redis-cli --cluster create`. */
export async function startRedisCluster(masters = 3): Promise<TRedisTopology> {
  ensureRedisServer((line) => console.log(line));
  const dir = mkdtempSync(join(tmpdir(), 'saiduan-redis-cluster-'));
  chmodSync(dir, 0o700);
  const password = randomBytes(9).toString('base64url');
  const nodes: TNode[] = [];
  const stop = stopAll(nodes, dir);
  try {
    for (let i = 0; i < masters * 2; i++) {
      nodes.push(
        await startAnsweringNode(dir, password, (port) => [
          ...dataSettings(password),
          'cluster-enabled yes',
          `cluster-config-file nodes-${port}.conf`,
          'cluster-node-timeout 2000',
          // A replica whose link to its master broke a moment ago may still take over.
          'cluster-replica-validity-factor 0',
        ]),
      );
    }
    const ports = nodes.map((n) => n.port);
    const created = spawnSync(
      'redis-cli',
      [
        '-a',
        password,
        '--no-auth-warning',
        '--cluster',
        'create',
        ...ports.map((p) => `127.0.0.1:${p}`),
        '--cluster-replicas',
        '1',
        '--cluster-yes',
      ],
      { encoding: 'utf8' },
    );
    if (created.status !== 0) throw new Error(`redis-cli --cluster create: ${created.stdout}`);
    await until(async () => {
      for (const port of ports) {
        const r = probe({ port, password });
        try {
          const info = String(await r.cluster('INFO'));
          if (!info.includes('cluster_state:ok')) return undefined;
        } finally {
          r.disconnect();
        }
      }
      return true;
    }, 'the cluster to agree on its slots');
    // Every replica has finished its first sync (see startRedisSentinel): a failover must promote
    // a replica that holds the data.
    for (const port of ports)
      await until(() => replicaReady(port, password), `node ${port} synced`);
  } catch (err) {
    await stop();
    throw err;
  }
  const alive = () => nodes.filter((n) => n.child.exitCode === null && !n.child.signalCode);
  return {
    url: `redis-cluster://:${password}@${nodes.map(({ port: p }) => `127.0.0.1:${p}`).join(',')}`,
    password,
    async masterOf(key) {
      return until(async () => {
        const node = alive()[0];
        if (!node) return undefined;
        const r = probe({ port: node.port, password });
        try {
          const slot = Number(await r.cluster('KEYSLOT', key));
          const ranges = await r.cluster('SLOTS');
          const owner = ranges.find(([from, to]) => slot >= from && slot <= to)?.[2]?.[1];
          return owner !== undefined && alive().some((n) => n.port === owner) ? owner : undefined;
        } finally {
          r.disconnect();
        }
      }, `a live master for ${key}`);
    },
    kill: (port) => void nodes.find((n) => n.port === port)?.child.kill('SIGKILL'),
    stop,
  };
}

/** One master, `replicas` replicas and three Sentinels (quorum two) watching `mymaster`. */
export async function startRedisSentinel(replicas = 2): Promise<TRedisTopology> {
  ensureRedisServer((line) => console.log(line));
  const dir = mkdtempSync(join(tmpdir(), 'saiduan-redis-sentinel-'));
  chmodSync(dir, 0o700);
  const password = randomBytes(9).toString('base64url');
  const nodes: TNode[] = [];
  const stop = stopAll(nodes, dir);
  const sentinelPorts: number[] = [];
  let masterPort = 0;
  try {
    const master = await startAnsweringNode(dir, password, () => dataSettings(password));
    nodes.push(master);
    masterPort = master.port;
    for (let i = 0; i < replicas; i++) {
      nodes.push(
        await startAnsweringNode(dir, password, () => [
          ...dataSettings(password),
          `replicaof 127.0.0.1 ${masterPort}`,
        ]),
      );
    }
    // A failover promotes a replica: one that never finished its first sync would come up empty
    // (every session and queue gone), which is a broken test topology, not a failover.
    for (const node of nodes.slice(1))
      await until(() => inSync(node.port, password), `replica ${node.port} in sync`);
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      sentinelPorts.push(port);
      nodes.push(
        startNode(
          dir,
          port,
          [
            `sentinel monitor mymaster 127.0.0.1 ${masterPort} 2`,
            `sentinel auth-pass mymaster "${password}"`,
            'sentinel down-after-milliseconds mymaster 1000',
            'sentinel failover-timeout mymaster 10000',
            'sentinel parallel-syncs mymaster 2',
          ],
          true,
        ),
      );
    }
    // Ready once every sentinel knows both replicas and the other sentinels.
    await until(async () => {
      for (const port of sentinelPorts) {
        const s = probe({ port });
        try {
          const [master] = (await s.call('SENTINEL', 'MASTERS')) as string[][];
          const field = (name: string) => Number(master?.[master.indexOf(name) + 1]);
          if (field('num-slaves') < replicas || field('num-other-sentinels') < 2) return undefined;
        } finally {
          s.disconnect();
        }
      }
      return true;
    }, 'the sentinels to find the replicas and each other');
  } catch (err) {
    await stop();
    throw err;
  }
  const sentinelList = sentinelPorts.map((p) => `127.0.0.1:${p}`).join(',');
  return {
    url: `redis-sentinel://:${password}@${sentinelList}/mymaster`,
    password,
    async masterOf() {
      return until(async () => {
        for (const port of sentinelPorts) {
          const s = new Redis({ port, lazyConnect: true, retryStrategy: () => null });
          s.on('error', () => {});
          try {
            const [, p] = (await s.call(
              'SENTINEL',
              'GET-MASTER-ADDR-BY-NAME',
              'mymaster',
            )) as string[];
            const master = nodes.find((n) => n.port === Number(p));
            if (master && master.child.exitCode === null && !master.child.signalCode)
              return master.port;
          } catch {
            // this sentinel may be the one killed: ask the next
          } finally {
            s.disconnect();
          }
        }
        return undefined;
      }, 'a live master named by the sentinels');
    },
    kill: (port) => void nodes.find((n) => n.port === port)?.child.kill('SIGKILL'),
    stop,
  };
}
