import { z } from 'zod';
import { api } from '../../../shared/api/api-client';

export const recordTypes = ['case', 'contact_without_case', 'person'] as const;

const ZPolicy = z.object({
  recordType: z.enum(recordTypes),
  retainDays: z.number().nullable(),
  updatedAt: z.string(),
});
export type TPolicy = z.infer<typeof ZPolicy>;

export const fetchRetention = () => api.get('/api/staff/admin/retention', z.array(ZPolicy));
export const setRetention = (recordType: TPolicy['recordType'], retainDays: number | null) =>
  api.put(`/api/staff/admin/retention/${recordType}`, { retainDays }, ZPolicy);
