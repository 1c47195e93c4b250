import type { TStaffRole } from '../../contracts/staff-users';

/**
 * Every staff role needs a second factor; only an administrator's recorded exemption (which
 * always carries a reason) lets a role sign in with a password alone.
 */
export function secondFactorRequired(
  role: TStaffRole,
  exemptRoles: ReadonlySet<TStaffRole>,
): boolean {
  return !exemptRoles.has(role);
}
