import { staffRoles, type TStaffRole } from '../../contracts/staff-users';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import type { TRecordsDeps } from '../cases/records.deps';
import type { TActor } from './actor';
import { deleteExemption, listExemptions, saveExemption } from './second-factor.repository';

/** One line per staff role: whether it needs a second factor, and if not, why and since when. */
export async function listSecondFactorSettings(deps: TRecordsDeps) {
  const exemptions = new Map((await listExemptions(deps.db)).map((e) => [e.role, e]));
  return staffRoles.map((role) => {
    const exemption = exemptions.get(role);
    return {
      role,
      required: !exemption,
      exemption: exemption
        ? {
            reason: exemption.reason,
            createdBy: exemption.createdBy,
            createdAt: exemption.createdAt,
          }
        : null,
    };
  });
}

/**
 * Lets a role sign in with a password alone. The reason is the one free text the audit row keeps:
 * the issue asks for an audited reason, and it is an administrator's words about a role, which
 * the screen asks to keep free of personal details.
 */
export async function exemptRole(
  deps: TRecordsDeps,
  actor: TActor,
  input: { role: TStaffRole; reason: string },
) {
  await deps.db.transaction(async (tx) => {
    await saveExemption(tx, { ...input, createdBy: actor.userId });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'auth.second_factor_exempted',
      entityType: 'staff_role',
      entityId: input.role,
      data: { role: input.role, reason: input.reason },
    });
  });
}

/**
 * Makes the role need a second factor again. Nothing else is needed for its users: sign-in reads
 * the exemptions each time, and a user with no secret yet is handed one to enrol.
 */
export async function removeExemption(deps: TRecordsDeps, actor: TActor, role: TStaffRole) {
  await deps.db.transaction(async (tx) => {
    const removed = await deleteExemption(tx, role);
    if (!removed) throw new AppError('NOT_FOUND');
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'auth.second_factor_exemption_removed',
      entityType: 'staff_role',
      entityId: role,
      data: { role, reason: removed.reason },
    });
  });
}
