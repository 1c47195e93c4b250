import { z } from 'zod';
import { api } from '../../../shared/api/api-client';

const BASE = '/api/staff';
const ZSafety = z
  .object({
    safeToTalk: z.enum(['yes', 'no', 'unknown']),
    safeCallbackWindow: z.string().nullable(),
    noSms: z.boolean(),
    noVoicemail: z.boolean(),
  })
  .nullable();
const ZTask = z.object({
  id: z.string(),
  callSid: z.string(),
  hotline: z.string(),
  language: z.string(),
  origin: z.enum(['requested', 'missed']),
  status: z.enum(['open', 'taken', 'placed', 'done', 'cancelled']),
  takenBy: z.string().nullable(),
  createdAt: z.string(),
});
const ZListedTask = ZTask.extend({ safety: ZSafety, hasCodeWord: z.boolean() });
export type TCallbackTask = z.infer<typeof ZListedTask>;
const ZMissed = z.object({
  callSid: z.string(),
  hotline: z.string(),
  language: z.string().nullable(),
  enqueuedAt: z.string().nullable(),
  leftQueueAt: z.string().nullable(),
});
export type TMissedCall = z.infer<typeof ZMissed>;

export const listCallbacks = async () =>
  (await api.get(`${BASE}/callbacks`, z.object({ tasks: z.array(ZListedTask) }))).tasks;
export const listMissedCalls = async () =>
  (await api.get(`${BASE}/missed-calls`, z.object({ calls: z.array(ZMissed) }))).calls;
export const revealCodeWord = async (id: string) =>
  (
    await api.post(
      `${BASE}/callbacks/${id}/code-word`,
      {},
      z.object({ codeWord: z.string().nullable() }),
    )
  ).codeWord;
export const takeCallback = (id: string) => api.post(`${BASE}/callbacks/${id}/take`, {});
export const placeCallback = (id: string) => api.post(`${BASE}/callbacks/${id}/place`, {});
export const completeCallback = (id: string, outcome: 'reached' | 'not-reached' | 'unsafe') =>
  api.post(`${BASE}/callbacks/${id}/complete`, { outcome });
export const callbackFromMissed = (callSid: string) =>
  api.post(`${BASE}/missed-calls/${callSid}/callback`, {});
