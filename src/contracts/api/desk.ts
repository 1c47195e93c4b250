// The desk's small answers (drafts, colleagues, softphone): the staff API's schemas and the
// desk's types. Zod only: web/ imports this file.
import { z } from 'zod';

export const ZDraft = z.object({
  /** The browser's time of the last change, in ms since the epoch. */
  savedAt: z.number().int().positive(),
  data: z.record(z.string().max(64), z.unknown()),
});
export type TDraft = z.infer<typeof ZDraft>;
/** No draft is the normal start of a form, not an error. */
export const ZDraftFound = z.object({ draft: ZDraft.nullable() });
export const ZDraftStored = z.object({ stored: z.boolean() });

/** Colleagues available now on my hotlines (names only), for a warm transfer. */
export const ZAvailableColleagues = z.object({
  colleagues: z.array(z.object({ userId: z.string(), displayName: z.string() })),
});

export const ZSoftphoneSetup = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('twilio'), token: z.string() }),
  z.object({ mode: z.literal('simulator') }),
  // No browser softphone on this server: the counsellor answers on a mobile.
  z.object({ mode: z.literal('none') }),
]);
export type TSoftphoneSetup = z.infer<typeof ZSoftphoneSetup>;
/** The simulator's calls ringing for me. */
export const ZPendingRings = z.array(z.object({ id: z.string() }));
