import { authKeyspace } from './auth.keys';
import { createHash, randomBytes } from 'node:crypto';
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

export function sessionLimits(config: TSessionDeps['config']): TSessionLimits {
  return {
    idleMs: config.SESSION_IDLE_MINUTES * 60_000,
    absoluteMs: config.SESSION_MAX_HOURS * 3_600_000,
  };
}

/**
 * What Redis knows a session by: SHA-256 of the id. Whoever reads Redis or its files (a dump,
 * the AOF) learns no cookie that would sign them in.
 */
export function sessionDigest(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

const sessionKey = (prefix: string, id: string) =>
  `${authKeyspace(prefix)}:session:${sessionDigest(id)}`;
const sessionKeyOfDigest = (prefix: string, digest: string) =>
  `${authKeyspace(prefix)}:session:${digest}`;
const userSessionsKey = (prefix: string, userId: string) =>
  `${authKeyspace(prefix)}:user-sessions:${userId}`;

/** Socket.IO room of the sockets opened with one session (named by its digest). */
export const sessionRoom = (digest: string) => `session:${digest}`;
/** Socket.IO room of every socket of one user (same name as the realtime contract's). */
const userRoom = (userId: string) => `user:${userId}`;

/**
 * Channel on which the room whose sockets must close is published (a session's or a user's):
 * every API node closes its own sockets in that room.
 */
export const sessionRevokedChannel = (prefix: string) => `${prefix}:session-revoked`;

/** Whether the session with this digest is still alive (no refresh): the sockets' periodic check. */
export async function liveSessionDigests(
  deps: TSessionDeps,
  digests: readonly string[],
): Promise<Set<string>> {
  if (!digests.length) return new Set();
  const prefix = deps.config.REDIS_PREFIX;
  const pipeline = deps.redis.pipeline();
  for (const d of digests) pipeline.exists(sessionKeyOfDigest(prefix, d));
  const results = (await pipeline.exec()) ?? [];
  // An unanswered check is not an ended session: a Redis hiccup must not sign everyone out.
  const failed = results.find(([err]) => err)?.[0];
  if (failed || results.length !== digests.length)
    throw failed ?? new Error('session check failed');
  return new Set(digests.filter((_, i) => results[i]?.[1] === 1));
}

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
    .sadd(userSessionsKey(prefix, userId), sessionDigest(id))
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

/** Signing out: the session is gone and every socket opened with it closes, on every node. */
export async function destroySession(deps: TSessionDeps, id: string): Promise<void> {
  const prefix = deps.config.REDIS_PREFIX;
  const key = sessionKey(prefix, id);
  const raw = await deps.redis.get(key);
  await deps.redis.del(key);
  if (raw) {
    const { userId } = JSON.parse(raw) as TSession;
    await deps.redis.srem(userSessionsKey(prefix, userId), sessionDigest(id));
  }
  await deps.redis.publish(sessionRevokedChannel(prefix), sessionRoom(sessionDigest(id)));
}

/**
 * Ends every session of a user at once and tells every API node to close their sockets; with
 * `keep`, all but that one (a password change signs the other PCs out, not the one in use).
 */
export async function revokeUserSessions(
  deps: TSessionDeps,
  userId: string,
  keep?: string,
): Promise<void> {
  const prefix = deps.config.REDIS_PREFIX;
  const kept = keep ? sessionDigest(keep) : null;
  const digests = (await deps.redis.smembers(userSessionsKey(prefix, userId))).filter(
    (d) => d !== kept,
  );
  const multi = deps.redis.multi();
  if (!kept) multi.del(userSessionsKey(prefix, userId));
  else if (digests.length) multi.srem(userSessionsKey(prefix, userId), ...digests);
  for (const digest of digests) multi.del(sessionKeyOfDigest(prefix, digest));
  await multi.exec();
  const rooms = kept ? digests.map(sessionRoom) : [userRoom(userId)];
  for (const room of rooms) await deps.redis.publish(sessionRevokedChannel(prefix), room);
}
