import { z } from 'zod';
import { api } from '../../../shared/api/api-client';

const ZCallerHistory = z.object({
  earlierContacts: z.array(
    z.object({
      id: z.string(),
      caseId: z.string().nullable(),
      hotline: z.string(),
      contactType: z.string(),
      occurredAt: z.string(),
      noSms: z.boolean(),
      noVoicemail: z.boolean(),
    }),
  ),
  flags: z.array(z.object({ kind: z.string(), hotline: z.string().nullable() })),
});
export type TCallerHistory = z.infer<typeof ZCallerHistory>;

/** Earlier contacts and flags of the caller of this call; the number never leaves the server. */
export const callerHistory = (callSid: string) =>
  api.get(`/api/staff/callers/by-call/${encodeURIComponent(callSid)}`, ZCallerHistory);
