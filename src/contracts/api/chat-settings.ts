// The chat's settings as the staff API answers them and the admin and desk screens read them:
// canned replies, a conversation's files, a hotline's channels and web chat origins, and the web
// chat blocks still running. Zod only: web/ imports this file (the chat widget does not).
import { z } from 'zod';
import { ZCannedReply, ZChatAttachment, ZChatChannel } from '../chat';

export const ZCannedReplyList = z.object({ replies: z.array(ZCannedReply) });
export const ZChatAttachmentList = z.object({ attachments: z.array(ZChatAttachment) });

/** One channel a hotline serves: its public address and the message templates it may send. */
export const ZChannelConfig = z.object({
  id: z.string(),
  channel: ZChatChannel,
  address: z.string(),
  conversationServiceSid: z.string().nullable(),
  active: z.boolean(),
  templates: z.array(
    z.object({
      key: z.string(),
      contentSid: z.string(),
      textLo: z.string(),
      textEn: z.string(),
    }),
  ),
});
export type TChannelConfig = z.infer<typeof ZChannelConfig>;
export const ZChannelConfigList = z.object({ channels: z.array(ZChannelConfig) });

/** A running web chat block: the visitor is known only by a keyed hash, never shown. */
export const ZWebchatBlock = z.object({
  id: z.string(),
  hotline: z.string().nullable(),
  reason: z.string(),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export type TWebchatBlock = z.infer<typeof ZWebchatBlock>;
export const ZWebchatBlockList = z.object({ blocks: z.array(ZWebchatBlock) });

/** The sites a hotline's web chat widget may be embedded in. */
export const ZWebchatOrigins = z.object({ origins: z.array(z.string()) });
