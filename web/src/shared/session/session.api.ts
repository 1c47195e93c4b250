import { z } from 'zod';
import { api } from '../api/api-client';
import { isApiError } from '../api/api-error';
import { staffRoles, type TStaffRole as TRole } from '../../../../src/contracts/staff-users';

export { staffRoles, type TRole };

export const ZSessionUser = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(staffRoles),
  hotlines: z.array(z.string()).default([]),
  languages: z.array(z.string()).default([]),
  organisationKey: z.string().nullable(),
  provinceCode: z.string().nullable(),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<TSessionUser | null> {
  try {
    return await api.get('/auth/me', ZSessionUser);
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

export async function logout(): Promise<void> {
  await api.post('/auth/logout').catch(() => undefined);
}
