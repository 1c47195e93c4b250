import { api } from '../../../shared/api/api-client';
import { ZDraftFound, ZDraftStored, type TDraft } from '../../../../../src/contracts/api/desk';

export type { TDraft as TStoredDraft } from '../../../../../src/contracts/api/desk';

/** `call:<CallSid>` for a call's form, `offline` for the walk-in form (see the drafts API). */
const url = (key: string) => `/api/staff/drafts/${encodeURIComponent(key)}`;

export const loadDraft = async (key: string) => (await api.get(url(key), ZDraftFound)).draft;
export const saveDraft = (key: string, draft: TDraft) => api.put(url(key), draft, ZDraftStored);
export const discardDraft = (key: string) => api.delete(url(key));
