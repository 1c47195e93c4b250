import { z } from 'zod';
import { api } from '../../../shared/api/api-client';

const ZStaffEntry = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.string(),
  hotlines: z.array(z.string()),
  languages: z.array(z.string()),
});
export type TStaffEntry = z.infer<typeof ZStaffEntry>;

/** Names for the user ids the live view carries (the socket never sends names). */
export const fetchDirectory = async () =>
  (await api.get('/api/staff/admin/directory', z.object({ staff: z.array(ZStaffEntry) }))).staff;
