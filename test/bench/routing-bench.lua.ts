import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { runLua } from '../../src/modules/routing/lua-script';
import { luaScript } from '../../src/modules/routing/lua-script';
import {
  acceptScript,
  enqueueScript,
  reserveScript,
} from '../../src/modules/routing/routing.scripts';
import { setPresenceScript } from '../../src/modules/routing/presence/presence.scripts';

const CONCURRENCY = 50;

/** Runs `count` operations with CONCURRENCY in flight (like redis-benchmark -c 50); ops/s. */
async function throughput(count: number, op: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await op(next++);
    }),
  );
  return count / ((performance.now() - t0) / 1000);
}

/** `redis-benchmark` trivial EVAL on the same server: the ceiling for any Lua step. */
export function redisBenchmarkEval(port: number, requests: number): number {
  const out = execFileSync(
    'redis-benchmark',
    [
      '-p',
      String(port),
      '-n',
      String(requests),
      '-c',
      String(CONCURRENCY),
      '-q',
      'EVAL',
      'return 1',
      '0',
    ],
    { encoding: 'utf8' },
  );
  const match = /([\d.]+) requests per second/.exec(out);
  return match ? Number(match[1]) : NaN;
}

/**
 * The routing scripts one by one on real state: enqueue N callers, make N counsellors
 * available, reserve N offers, accept them. Same concurrency as the baseline.
 */
export async function routingLuaOps(redis: Redis, n: number) {
  const prefix = `luabench${randomBytes(3).toString('hex')}`;
  const sids = Array.from({ length: n }, (_, i) => `CA${String(i).padStart(32, '0')}`);
  const users = Array.from({ length: n }, (_, i) => `u${i}`);
  const offers = users.map((u) => `of_${u}`);
  const now = Date.now();
  const trivial = luaScript('return 1');
  const result = {
    'ioredis EVALSHA return 1 (client baseline)': await throughput(n, () =>
      runLua(redis, trivial, [], []),
    ),
    enqueue: await throughput(n, (i) =>
      runLua(
        redis,
        enqueueScript,
        [],
        [prefix, sids[i] ?? '', '1362', 'lo', now + i, 0, 'inbound'],
      ),
    ),
    'presence available': await throughput(n, (i) =>
      runLua(
        redis,
        setPresenceScript,
        [],
        [prefix, users[i] ?? '', 'available', '', '1362', 'lo', now + i, 'offline'],
      ),
    ),
    'reserve (1 pair)': await throughput(n, (i) =>
      runLua(
        redis,
        reserveScript,
        [],
        [prefix, now, now + 20_000, sids[i] ?? '', users[i] ?? '', offers[i] ?? ''],
      ),
    ),
    accept: await throughput(n, (i) =>
      runLua(redis, acceptScript, [], [prefix, users[i] ?? '', offers[i] ?? '', now]),
    ),
  };
  const keys = await redis.keys(`${prefix}*`);
  for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
  return result;
}
