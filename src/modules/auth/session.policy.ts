/** Name of the staff session cookie (the id is opaque; the session lives in Redis). */
export const SESSION_COOKIE = 'sid';

/** What a session remembers; never anything personal (the user row is read on each request). */
export type TSession = {
  userId: string;
  createdAt: number;
  lastSeenAt: number;
};

export type TSessionLimits = { idleMs: number; absoluteMs: number };

/** A session ends after an idle gap or at its absolute age, whichever comes first. */
export function sessionExpired(session: TSession, now: number, limits: TSessionLimits): boolean {
  return now - session.lastSeenAt > limits.idleMs || now - session.createdAt > limits.absoluteMs;
}

/** Milliseconds a session may still live in Redis (used as its key TTL). */
export function sessionTtlMs(session: TSession, now: number, limits: TSessionLimits): number {
  return Math.max(
    1,
    Math.min(session.lastSeenAt + limits.idleMs, session.createdAt + limits.absoluteMs) - now,
  );
}

/** Refreshing lastSeenAt on every request would write to Redis each time; once a minute is plenty. */
export function needsTouch(session: TSession, now: number): boolean {
  return now - session.lastSeenAt > 60_000;
}
