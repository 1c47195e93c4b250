import { z } from 'zod';
import { api } from '../../../shared/api/api-client';

const ZColleagues = z.object({
  colleagues: z.array(z.object({ userId: z.string(), displayName: z.string() })),
});

/** Colleagues available now on my hotlines (names only), for a warm transfer. */
export const availableColleagues = async () =>
  (await api.get('/api/staff/colleagues/available', ZColleagues)).colleagues;
