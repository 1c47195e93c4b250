import type { TStaffRole } from '../../../db/schema/staff';

/**
 * Who is acting: a signed-in staff or partner user, resolved from the session on every request
 * and socket handshake. Scope fields decide which records they may see.
 */
export type TActor = {
  userId: string;
  role: TStaffRole;
  displayName: string;
  hotlines: readonly string[];
  languages: readonly string[];
  organisationKey: string | null;
  provinceCode: string | null;
  sessionId: string;
  /** After an administrator's reset: only a password change is allowed. */
  passwordChangeRequired?: boolean;
};
