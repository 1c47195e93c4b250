/**
 * REDIS_URL names one of three topologies:
 *   redis://[user:pass@]host:port[/db]   (or rediss:// for TLS)      one server
 *   redis-sentinel://[user:pass@]h1:26379,h2:26379/mymaster[/db][?sentinelPassword=…&tls=true]
 *                                          a master found through its sentinels by name
 *   redis-cluster://[user:pass@]h1:7000,h2:7001[?tls=true]             a Redis Cluster (seed nodes)
 * The user and password are the data nodes' own (sentinels have theirs in `sentinelPassword`).
 * Pure parsing: the connections are made in redis.ts.
 */
export type TRedisNode = { host: string; port: number };
type TAuth = { username?: string; password?: string; tls: boolean };
export type TRedisTarget =
  | { kind: 'single'; url: string }
  | ({ kind: 'sentinel'; sentinels: TRedisNode[]; name: string; db: number } & TAuth & {
        sentinelPassword?: string;
      })
  | ({ kind: 'cluster'; nodes: TRedisNode[] } & TAuth);

export class RedisUrlError extends Error {}

const DEFAULT_PORT = { sentinel: 26379, cluster: 6379 } as const;

function nodes(list: string, kind: 'sentinel' | 'cluster'): TRedisNode[] {
  const parsed = list.split(',').map((entry) => {
    // [v6::1]:port, host:port or host alone
    const m = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::(\d{1,5}))?$/i.exec(entry.trim());
    if (!m) throw new RedisUrlError(`"${entry}" is not host:port`);
    const port = m[3] === undefined ? DEFAULT_PORT[kind] : Number(m[3]);
    if (port < 1 || port > 65535) throw new RedisUrlError(`port ${port} is out of range`);
    return { host: (m[1] ?? m[2]) as string, port };
  });
  return parsed;
}

function auth(userinfo: string | undefined, query: URLSearchParams): TAuth {
  const tls = query.get('tls') === 'true';
  if (!userinfo) return { tls };
  const colon = userinfo.indexOf(':');
  const user = decodeURIComponent(colon < 0 ? userinfo : userinfo.slice(0, colon));
  const pass = colon < 0 ? undefined : decodeURIComponent(userinfo.slice(colon + 1));
  return { tls, ...(user ? { username: user } : {}), ...(pass ? { password: pass } : {}) };
}

const KNOWN_QUERY = new Set(['sentinelPassword', 'tls']);

export function parseRedisUrl(url: string): TRedisTarget {
  if (/^rediss?:\/\//.test(url)) {
    if (!URL.canParse(url)) throw new RedisUrlError('not a valid URL');
    return { kind: 'single', url };
  }
  const m = /^redis-(sentinel|cluster):\/\/(?:([^@/]*)@)?([^/?]+)(\/[^?]*)?(?:\?(.*))?$/.exec(url);
  if (!m) {
    throw new RedisUrlError(
      'must start with redis://, rediss://, redis-sentinel:// or redis-cluster://',
    );
  }
  const kind = m[1] as 'sentinel' | 'cluster';
  const query = new URLSearchParams(m[5] ?? '');
  for (const key of query.keys())
    if (!KNOWN_QUERY.has(key)) throw new RedisUrlError(`unknown option "${key}"`);
  const path = (m[4] ?? '').split('/').filter(Boolean);
  const common = auth(m[2], query);
  if (kind === 'cluster') {
    if (path.length) throw new RedisUrlError('a cluster URL takes no path (a cluster has no db)');
    if (query.has('sentinelPassword')) throw new RedisUrlError('sentinelPassword is for Sentinel');
    return { kind, nodes: nodes(m[3] as string, kind), ...common };
  }
  const [name, db = '0', ...rest] = path;
  if (!name || rest.length) throw new RedisUrlError('a sentinel URL ends with /<master name>[/db]');
  if (!/^\d{1,2}$/.test(db)) throw new RedisUrlError(`db "${db}" is not a number`);
  const sentinelPassword = query.get('sentinelPassword');
  return {
    kind,
    sentinels: nodes(m[3] as string, kind),
    name: decodeURIComponent(name),
    db: Number(db),
    ...common,
    ...(sentinelPassword ? { sentinelPassword } : {}),
  };
}
