import type { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import { ZCallerLookupResult } from '../../../../../src/contracts/api/records';

export type TCallerHistory = z.infer<typeof ZCallerLookupResult>;

/** Earlier contacts and flags of the caller of this call; the number never leaves the server. */
export const callerHistory = (callSid: string) =>
  api.get(`/api/staff/callers/by-call/${encodeURIComponent(callSid)}`, ZCallerLookupResult);
