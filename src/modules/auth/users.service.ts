import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { staffUsers, type TStaffRole } from '../../../db/schema/staff';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import type { TRecordsDeps } from '../cases/records.deps';
import type { TActor } from './actor';
import { hashPassword } from './password';
import { assertAcceptablePassword } from './password-change.service';
import { can } from './permissions.policy';
import { exemptRoles } from './second-factor.repository';
import { secondFactorRequired } from './second-factor.policy';
import { revokeUserSessions } from './session.repository';

export type TUserInput = {
  username: string;
  displayName: string;
  role: TStaffRole;
  password: string;
  hotlines?: string[];
  languages?: string[];
  organisationKey?: string | null;
  provinceCode?: string | null;
};

/** `totpRequired` is the role's setting (see second-factor.policy), not a per-user flag. */
function userView(row: typeof staffUsers.$inferSelect, exempt: ReadonlySet<TStaffRole>) {
  const { passwordHash: _p, totpSecretEnc, mobileEnc: _m, totpRequired: _t, ...rest } = row;
  return {
    ...rest,
    totpRequired: secondFactorRequired(row.role, exempt),
    totpEnrolled: !!totpSecretEnc,
  };
}

/** Administrators see everyone; supervisors the staff who share one of their hotlines. */
export async function listUsers(deps: TRecordsDeps, actor: TActor) {
  const rows = await deps.db.select().from(staffUsers).orderBy(asc(staffUsers.username));
  const visible = (u: (typeof rows)[number]) =>
    can(actor, 'user.view', { ownerIds: [u.id] }) ||
    u.hotlines.some((hotline) => can(actor, 'user.view', { hotline }));
  const exempt = await exemptRoles(deps.db);
  return rows.filter(visible).map((u) => userView(u, exempt));
}

/** Whether the new user needs TOTP follows the role's setting, never the request. */
export async function createUser(deps: TRecordsDeps, actor: TActor, input: TUserInput) {
  const id = randomUUID();
  const { password, ...fields } = input;
  assertAcceptablePassword(password, input.username.trim());
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffUsers)
      .values({
        ...fields,
        id,
        username: input.username.trim().toLowerCase(),
        passwordHash: await hashPassword(password),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('CONFLICT');
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'user.created',
      entityType: 'staff_user',
      entityId: id,
      data: { role: input.role },
    });
    return userView(row, await exemptRoles(tx));
  });
}

/** Fields that decide what a user may see or do: a change to any of them ends their sessions. */
const scopeFields = ['role', 'hotlines', 'languages', 'provinceCode', 'organisationKey'] as const;
const changesScope = (fields: Partial<Record<(typeof scopeFields)[number], unknown>>) =>
  scopeFields.some((f) => fields[f] !== undefined);

/**
 * Disabling, a new TOTP or any change of role or scope (hotlines, languages, province,
 * organisation) ends every session of the user at once and closes their sockets on every node:
 * a partner moved to another organisation must stop hearing the old one's tickets.
 */
export async function updateUser(
  deps: TRecordsDeps & { redis: Redis },
  actor: TActor,
  id: string,
  input: Partial<Omit<TUserInput, 'username' | 'password'>> & {
    disabled?: boolean;
    resetTotp?: boolean;
  },
) {
  const { disabled, resetTotp, ...fields } = input;
  const row = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(staffUsers)
      .set({
        ...fields,
        ...(disabled !== undefined && { disabledAt: disabled ? new Date() : null }),
        ...(resetTotp && { totpSecretEnc: null }),
      })
      .where(eq(staffUsers.id, id))
      .returning();
    if (!updated) throw new AppError('NOT_FOUND');
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: disabled ? 'user.disabled' : 'user.updated',
      entityType: 'staff_user',
      entityId: id,
      data: { fields: Object.keys(input) },
    });
    return updated;
  });
  if (disabled || resetTotp || changesScope(fields)) await revokeUserSessions(deps, id);
  return userView(row, await exemptRoles(deps.db));
}
