import type { Redis } from 'ioredis';
import type { TConfig } from '../../config/config';
import type { TDatabase } from '../../infra/database';
import type { TActor } from './actor';
import { readSession } from './session.repository';
import { findStaffById, type TStaffUser } from './staff-users.repository';

export type TResolveActorDeps = { redis: Redis; config: TConfig; db: TDatabase };

export function actorFromUser(user: TStaffUser, sessionId: string): TActor {
  return {
    userId: user.id,
    role: user.role,
    displayName: user.displayName,
    hotlines: user.hotlines,
    languages: user.languages,
    organisationKey: user.organisationKey,
    provinceCode: user.provinceCode,
    sessionId,
    passwordChangeRequired: user.passwordChangeRequired,
  };
}

/**
 * The actor behind a session id (HTTP cookie or Socket.IO handshake cookie), or null when the
 * session is unknown, expired, or its user is disabled. The user row is read every time so a
 * role or scope change takes effect at once.
 */
export async function resolveActor(
  deps: TResolveActorDeps,
  sessionId: string | undefined,
): Promise<TActor | null> {
  if (!sessionId) return null;
  const session = await readSession(deps, sessionId);
  if (!session) return null;
  const user = await findStaffById(deps.db, session.userId);
  if (!user || user.disabledAt) return null;
  return actorFromUser(user, sessionId);
}
