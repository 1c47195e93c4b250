import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export type TLuaScript = { source: string; sha: string };

export function luaScript(source: string): TLuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/** EVALSHA, loading the script on NOSCRIPT (after a Redis restart or on a fresh server). */
export async function runLua(
  redis: Redis,
  script: TLuaScript,
  keys: readonly string[],
  args: ReadonlyArray<string | number>,
): Promise<unknown> {
  try {
    return await redis.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
    return redis.eval(script.source, keys.length, ...keys, ...args);
  }
}
