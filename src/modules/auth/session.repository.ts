import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { TConfig } from '../../config/config';
import {
  needsTouch,
  sessionExpired,
  sessionTtlMs,
  type TSession,
  type TSessionLimits,
} from './session.policy';

type TSessionDeps = {
  redis: Redis;
  config: Pick<TConfig, 'REDIS_PREFIX' | 'SESSION_IDLE_MINUTES' | 'SESSION_MAX_HOURS'>;
};

export const SESSION_COOKIE = 'sid';

export function sessionLimits(config: TSessionDeps['config']): TSessionLimits {
  return {
    idleMs: config.SESSION_IDLE_MINUTES * 60_000,
    absoluteMs: config.SESSION_MAX_HOURS * 3_600_000,
  };
}

const sessionKey = (prefix: string, id: string) => `${prefix}:session:${id}`;
const userSessionsKey = (prefix: string, userId: string) => `${prefix}:user-sessions:${userId}`;

/** Channel on which the id of a user whose sessions were revoked is published (sockets listen). */
export const sessionRevokedChannel = (prefix: string) => `${prefix}:session-revoked`;

/** 256 random bits, base64url: the only thing the browser holds. */
function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export async function createSession(
  deps: TSessionDeps,
  userId: string,
  now = Date.now(),
): Promise<string> {
  const id = newSessionId();
  const session: TSession = { userId, createdAt: now, lastSeenAt: now };
  const ttl = sessionTtlMs(session, now, sessionLimits(deps.config));
  const prefix = deps.config.REDIS_PREFIX;
  await deps.redis
    .multi()
    .set(sessionKey(prefix, id), JSON.stringify(session), 'PX', ttl)
    .sadd(userSessionsKey(prefix, userId), id)
    .pexpire(userSessionsKey(prefix, userId), sessionLimits(deps.config).absoluteMs)
    .exec();
  return id;
}

/** The live session for an id, refreshed if it is still valid; null when unknown or expired. */
export async function readSession(
  deps: TSessionDeps,
  id: string,
  now = Date.now(),
): Promise<TSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const key = sessionKey(deps.config.REDIS_PREFIX, id);
  const raw = await deps.redis.get(key);
  if (!raw) return null;
  const session = JSON.parse(raw) as TSession;
  const limits = sessionLimits(deps.config);
  if (sessionExpired(session, now, limits)) {
    await deps.redis.del(key);
    return null;
  }
  if (needsTouch(session, now)) {
    const touched = { ...session, lastSeenAt: now };
    await deps.redis.set(
      key,
      JSON.stringify(touched),
      'PX',
      sessionTtlMs(touched, now, limits),
      'XX',
    );
    return touched;
  }
  return session;
}

export async function destroySession(deps: TSessionDeps, id: string): Promise<void> {
  const key = sessionKey(deps.config.REDIS_PREFIX, id);
  const raw = await deps.redis.get(key);
  await deps.redis.del(key);
  if (raw) {
    const { userId } = JSON.parse(raw) as TSession;
    await deps.redis.srem(userSessionsKey(deps.config.REDIS_PREFIX, userId), id);
  }
}

/** Ends every session of a user at once and tells every API node to close their sockets. */
export async function revokeUserSessions(deps: TSessionDeps, userId: string): Promise<void> {
  const prefix = deps.config.REDIS_PREFIX;
  const ids = await deps.redis.smembers(userSessionsKey(prefix, userId));
  const multi = deps.redis.multi().del(userSessionsKey(prefix, userId));
  for (const id of ids) multi.del(sessionKey(prefix, id));
  await multi.exec();
  await deps.redis.publish(sessionRevokedChannel(prefix), userId);
}
