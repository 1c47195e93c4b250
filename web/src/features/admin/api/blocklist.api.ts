import { z } from 'zod';
import { api } from '../../../shared/api/api-client';

export const blockReasons = ['abusive', 'hoax', 'harassing_staff', 'other'] as const;
export type TBlockReason = (typeof blockReasons)[number];

const ZBlock = z.object({
  id: z.string(),
  phoneLast: z.string().nullable(),
  hotline: z.string().nullable(),
  reason: z.string(),
  expiresAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TBlock = z.infer<typeof ZBlock>;

export type TNewBlock = {
  phone: string;
  hotline: string | null;
  reason: TBlockReason;
  expiresAt: string | null;
};

export const fetchBlocks = () => api.get('/api/staff/blocklist', z.array(ZBlock));
export const addBlock = (body: TNewBlock) => api.post('/api/staff/blocklist', body, ZBlock);
export const removeBlock = (id: string) => api.delete(`/api/staff/blocklist/${id}`);
