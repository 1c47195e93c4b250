import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { parseRedisUrl, type TRedisTarget } from '../config/redis-url';

export type TRedisRole = 'command' | 'worker' | 'subscriber';

const CLUSTER = Symbol('saiduan.redis.cluster');
type TTagged = { [CLUSTER]?: { target: TRedisTarget; role: TRedisRole } };

/**
 * Producers and request handlers fail fast when Redis is down (so a webhook can fall back);
 * BullMQ workers and pub/sub connections must retry forever (`maxRetriesPerRequest: null`).
 */
function roleOptions(role: TRedisRole): RedisOptions {
  return {
    // No auto-pipelining: it saves write system calls (commands of one event-loop turn leave in
    // one write) but builds a Pipeline per turn, and measured side by side on bench:routing at
    // 200 callers/s it cost more than it saved (API CPU 3.50 ms per caller with it, 3.16 without,
    // two runs each, interleaved). Node's writes on a kept connection are cheap; JavaScript is not.
    enableAutoPipelining: false,
    lazyConnect: false,
    connectTimeout: 2000,
    enableOfflineQueue: role !== 'command',
    maxRetriesPerRequest: role === 'command' ? 1 : null,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
}

/**
 * The one place Redis connections are made, for the API, BullMQ, pub/sub and the workers, from
 * REDIS_URL: one server, a master found through Sentinel, or a Redis Cluster.
 *
 * A Cluster client is returned typed as `Redis`: both share ioredis's command interface, which is
 * all the modules use; the few calls that differ (duplicate, sharded pub/sub) go through
 * `duplicateRedis` and `isRedisCluster` here.
 */
export function openRedis(url: string, role: TRedisRole = 'command'): Redis {
  return connect(parseRedisUrl(url), role);
}

function connect(target: TRedisTarget, role: TRedisRole): Redis {
  const options = roleOptions(role);
  if (target.kind === 'single') return new Redis(target.url, options);
  const tls = target.tls ? { tls: {} } : {};
  const auth = {
    ...(target.username ? { username: target.username } : {}),
    ...(target.password ? { password: target.password } : {}),
  };
  if (target.kind === 'sentinel') {
    // A failover leaves no master for a few seconds. Commands wait for the promoted replica (as a
    // cluster client waits for the new slot owner) instead of failing at once: a write failing
    // there, such as a counsellor's call ending, would otherwise be lost. Webhooks still answer in
    // time, since every store call on their path has its own deadline and fallback.
    const failoverWait =
      role === 'command' ? { enableOfflineQueue: true, maxRetriesPerRequest: 8 } : {};
    return new Redis({
      ...options,
      ...failoverWait,
      ...auth,
      ...tls,
      sentinels: target.sentinels,
      name: target.name,
      db: target.db,
      ...(target.sentinelPassword ? { sentinelPassword: target.sentinelPassword } : {}),
      ...(target.tls ? { enableTLSForSentinelMode: true } : {}),
      // No `failoverDetector`: in ioredis 6 it is tied to the connection made before the failover,
      // and its +switch-master, arriving while the client is already asking the sentinels for the
      // new master, aborts that attempt for good (status "end", never retried): after a master
      // died, the API's connections stayed closed and every desk was refused. The client needs no
      // notice: a dead master drops its connections, and a promoting sentinel kills the clients
      // of a demoted one (CLIENT KILL), so the client reconnects and asks the sentinels again.
      // A sentinel that accepts but does not answer must not hold that reconnect forever.
      sentinelCommandTimeout: 2000,
      // A write that reaches a demoted master before its clients are killed is refused, not done:
      // reconnect (to the new master) and send it again.
      reconnectOnError: (err) => (err.message.startsWith('READONLY') ? 2 : false),
    });
  }
  const clusterOptions: ClusterOptions = {
    redisOptions: { ...options, ...auth, ...tls },
    // Grouped per node owning the keys' slots (see roleOptions).
    enableAutoPipelining: options.enableAutoPipelining ?? false,
    enableOfflineQueue: options.enableOfflineQueue ?? true,
    // A failover moves slots: ask again (with fresh slots) until the replica has taken over. A
    // command waits through the whole failover (about 20 s of retries: cluster-node-timeout plus
    // the election), as a Sentinel client does: with ioredis's 16 quick retries, writes such as a
    // counsellor's call ending failed mid-failover ("Too many Cluster redirections") and she stayed
    // "on call" for good. Webhooks still answer in time: their store calls have deadlines.
    retryDelayOnFailover: 250,
    retryDelayOnClusterDown: 250,
    // Right after a failover the nodes briefly disagree on the slot's owner and send a command
    // back and forth (MOVED); without a pause those redirections are spent in a millisecond.
    retryDelayOnMoved: 100,
    maxRedirections: 80,
    clusterRetryStrategy: (times) => Math.min(times * 200, 2000),
    // Socket.IO's sharded adapter subscribes on the node owning each channel (SSUBSCRIBE).
    shardedSubscribers: role === 'subscriber',
  };
  const cluster = new Cluster(target.nodes, clusterOptions);
  (cluster as TTagged)[CLUSTER] = { target, role };
  return cluster as unknown as Redis;
}

/** True when the connection is to a Redis Cluster (sharded pub/sub, per-node scans). */
export function isRedisCluster(redis: Redis): boolean {
  return (redis as TTagged)[CLUSTER] !== undefined;
}

/**
 * Another connection to the same Redis for a role of its own (a subscriber, a pub/sub
 * publisher). `Cluster.duplicate` takes other arguments than `Redis.duplicate`, hence this.
 */
export function duplicateRedis(redis: Redis, role: TRedisRole): Redis {
  const tagged = (redis as TTagged)[CLUSTER];
  if (tagged) return connect(tagged.target, role);
  const { enableOfflineQueue, maxRetriesPerRequest, enableAutoPipelining } = roleOptions(role);
  return redis.duplicate({ enableOfflineQueue, maxRetriesPerRequest, enableAutoPipelining });
}

/** Resolves when the connection is ready, or after `timeoutMs` (callers then run degraded). */
export function redisReady(redis: Redis, timeoutMs = 5000): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, timeoutMs);
    timer.unref();
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}
