import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import { staffRoles } from '../../../shared/session/session.api';

const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(staffRoles),
  hotlines: z.array(z.string()),
  languages: z.array(z.string()),
  organisationKey: z.string().nullable(),
  provinceCode: z.string().nullable(),
  totpRequired: z.boolean(),
  totpEnrolled: z.boolean(),
  disabledAt: z.string().nullable(),
});
export type TUser = z.infer<typeof ZUser>;

export type TUserCreate = {
  username: string;
  displayName: string;
  role: TUser['role'];
  password: string;
  hotlines: string[];
  languages: string[];
  organisationKey: string | null;
};
export type TUserUpdate = Partial<Omit<TUserCreate, 'username' | 'password'>> & {
  disabled?: boolean;
  resetTotp?: boolean;
};

export const fetchUsers = () => api.get('/api/staff/users', z.array(ZUser));
export const createUser = (body: TUserCreate) => api.post('/api/staff/users', body, ZUser);
export const updateUser = (id: string, body: TUserUpdate) =>
  api.patch(`/api/staff/users/${id}`, body, ZUser);
