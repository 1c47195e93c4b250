import { z } from 'zod';
import { api } from '../api/api-client';
import { isApiError } from '../api/api-error';
import {
  staffRoles,
  ZSignedInUser,
  type TStaffRole as TRole,
} from '../../../../src/contracts/staff-users';

export { staffRoles, type TRole };

export const ZSessionUser = ZSignedInUser;
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
