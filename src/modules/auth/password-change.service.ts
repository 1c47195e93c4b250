import { eq } from 'drizzle-orm';
import { staffUsers } from '../../../db/schema/staff';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from './actor';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password.policy';
import type { TResolveActorDeps } from './resolve-actor';
import { revokeUserSessions } from './session.repository';
import { findStaffById } from './staff-users.repository';

/** Refuses a password that is too short, common, breached or built from the user name. */
export function assertAcceptablePassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError(problem);
}

/**
 * Self-service change, for every staff role: the current password proves it is the user at the
 * keyboard. Every other session of the user ends (another PC signed in with the old password);
 * this one carries on, its live connection too.
 */
export async function changeOwnPassword(
  deps: TResolveActorDeps,
  actor: TActor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findStaffById(deps.db, actor.userId);
  if (!user || user.disabledAt) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new AppError('CURRENT_PASSWORD_WRONG');
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_UNCHANGED');
  assertAcceptablePassword(input.newPassword, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(staffUsers)
      .set({ passwordHash, passwordChangeRequired: false })
      .where(eq(staffUsers.id, user.id));
    await recordAudit(tx, deps.config, {
      actorId: user.id,
      action: 'auth.password_changed',
      entityType: 'staff_user',
      entityId: user.id,
    });
  });
  await revokeUserSessions(deps, user.id, actor.sessionId);
}

/**
 * An administrator sets a temporary password: the user's sessions end now, and at the next
 * sign-in nothing works until they choose their own.
 */
export async function resetPassword(
  deps: TResolveActorDeps,
  actor: TActor,
  userId: string,
  temporaryPassword: string,
): Promise<void> {
  const user = await findStaffById(deps.db, userId);
  if (!user) throw new AppError('NOT_FOUND');
  assertAcceptablePassword(temporaryPassword, user.username);
  const passwordHash = await hashPassword(temporaryPassword);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(staffUsers)
      .set({ passwordHash, passwordChangeRequired: true })
      .where(eq(staffUsers.id, userId));
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'user.password_reset',
      entityType: 'staff_user',
      entityId: userId,
    });
  });
  await revokeUserSessions(deps, userId);
}
