// Where the desk may hand a chat: the staff API's answer and the transfer menu's types.
// Zod only: web/ imports this file.
import { z } from 'zod';

/** Another language queue of a hotline the counsellor serves (or of the chat's own hotline). */
export const ZChatTransferTarget = z.object({
  hotline: z.string(),
  nameLo: z.string(),
  nameEn: z.string(),
  language: z.string(),
});
export type TChatTransferTarget = z.infer<typeof ZChatTransferTarget>;

export const ZChatTransferTargets = z.object({ targets: z.array(ZChatTransferTarget) });
