import { AppError } from '../../errors/catalogue';
import type { TResolveActorDeps } from './resolve-actor';
import { destroySession } from './session.repository';
import { findStaffById } from './staff-users.repository';

/** Signing out: the session (if the cookie still named one) ends on every node. */
export async function signOut(deps: TResolveActorDeps, sessionId: string | undefined) {
  if (sessionId) await destroySession(deps, sessionId);
}

/** The signed-in person's own profile, read fresh (a role or hotline change shows at once). */
export async function ownProfile(deps: Pick<TResolveActorDeps, 'db'>, userId: string) {
  const user = await findStaffById(deps.db, userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const {
    id,
    username,
    displayName,
    role,
    hotlines,
    languages,
    organisationKey,
    provinceCode,
    passwordChangeRequired,
  } = user;
  return {
    passwordChangeRequired,
    userId: id,
    username,
    displayName,
    role,
    hotlines,
    languages,
    organisationKey,
    provinceCode,
  };
}
