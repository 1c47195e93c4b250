import { z } from 'zod';
import { api } from '../../../shared/api/api-client';

const ZDraft = z.object({ savedAt: z.number(), data: z.record(z.string(), z.unknown()) });
export type TStoredDraft = z.infer<typeof ZDraft>;

/** `call:<CallSid>` for a call's form, `offline` for the walk-in form (see the drafts API). */
const url = (key: string) => `/api/staff/drafts/${encodeURIComponent(key)}`;

export const loadDraft = async (key: string) =>
  (await api.get(url(key), z.object({ draft: ZDraft.nullable() }))).draft;
export const saveDraft = (key: string, draft: TStoredDraft) =>
  api.put(url(key), draft, z.object({ stored: z.boolean() }));
export const discardDraft = (key: string) => api.delete(url(key));
