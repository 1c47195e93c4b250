import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export type TLuaScript = { source: string; sha: string };

export function luaScript(source: string): TLuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * EVALSHA, loading the script on NOSCRIPT (after a Redis restart or on a fresh server).
 * Routing scripts build their keys from the hash-tagged keyspace in ARGV[1] (see routing.keys);
 * with no keys given, that keyspace is also passed as KEYS[1], so a cluster client sends the
 * script to the node owning the slot and Redis checks every key the script touches against it.
 */
export async function runLua(
  redis: Redis,
  script: TLuaScript,
  givenKeys: readonly string[],
  args: ReadonlyArray<string | number>,
): Promise<unknown> {
  const keys = givenKeys.length || args[0] === undefined ? givenKeys : [String(args[0])];
  try {
    return await redis.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
    return redis.eval(script.source, keys.length, ...keys, ...args);
  }
}
