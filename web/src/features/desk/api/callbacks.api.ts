import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  ZListedCallbackTask as ZListedTask,
  ZMissedCall as ZMissed,
  ZRevealedCodeWord,
} from '../../../../../src/contracts/callbacks';

export type { TCallbackTask, TMissedCall } from '../../../../../src/contracts/callbacks';

const BASE = '/api/staff';

export const listCallbacks = async () =>
  (await api.get(`${BASE}/callbacks`, z.object({ tasks: z.array(ZListedTask) }))).tasks;
export const listMissedCalls = async () =>
  (await api.get(`${BASE}/missed-calls`, z.object({ calls: z.array(ZMissed) }))).calls;
export const revealCodeWord = async (id: string) =>
  (await api.post(`${BASE}/callbacks/${id}/code-word`, {}, ZRevealedCodeWord)).codeWord;
export const takeCallback = (id: string) => api.post(`${BASE}/callbacks/${id}/take`, {});
export const placeCallback = (id: string) => api.post(`${BASE}/callbacks/${id}/place`, {});
export const completeCallback = (id: string, outcome: 'reached' | 'not-reached' | 'unsafe') =>
  api.post(`${BASE}/callbacks/${id}/complete`, { outcome });
export const callbackFromMissed = (callSid: string) =>
  api.post(`${BASE}/missed-calls/${callSid}/callback`, {});
