import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  ZCannedReply,
  ZChatChannel,
  type TCannedReplyInput,
} from '../../../../../src/contracts/chat';

export type { TCannedReply, TCannedReplyInput } from '../../../../../src/contracts/chat';

const ZChannels = z.object({
  channels: z.array(
    z.object({
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
    }),
  ),
});
export type TChannelConfig = z.infer<typeof ZChannels>['channels'][number];

const ZBlocks = z.object({
  blocks: z.array(
    z.object({
      id: z.string(),
      hotline: z.string().nullable(),
      reason: z.string(),
      expiresAt: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type TWebchatBlock = z.infer<typeof ZBlocks>['blocks'][number];

const ZOrigins = z.object({ origins: z.array(z.string()) });

export const fetchChannelConfigs = (hotline: string) =>
  api.get(`/api/staff/chat-channels/${hotline}`, ZChannels).then((r) => r.channels);

export const fetchCannedReplies = (hotline: string) =>
  api
    .get(`/api/staff/canned-replies/${hotline}`, z.object({ replies: z.array(ZCannedReply) }))
    .then((r) => r.replies);
export const addCannedReply = (hotline: string, body: TCannedReplyInput) =>
  api.post(`/api/staff/canned-replies/${hotline}`, body, ZCannedReply);
export const changeCannedReply = (hotline: string, id: string, body: TCannedReplyInput) =>
  api.put(`/api/staff/canned-replies/${hotline}/${id}`, body, ZCannedReply);
export const removeCannedReply = (hotline: string, id: string) =>
  api.delete(`/api/staff/canned-replies/${hotline}/${id}`);

export const fetchOrigins = (hotline: string) =>
  api.get(`/api/staff/webchat/origins/${hotline}`, ZOrigins).then((r) => r.origins);
export const saveOrigins = (hotline: string, origins: string[]) =>
  api.put(`/api/staff/webchat/origins/${hotline}`, { origins }, ZOrigins).then((r) => r.origins);

export const fetchWebchatBlocks = () =>
  api.get('/api/staff/webchat/blocks', ZBlocks).then((r) => r.blocks);
export const liftWebchatBlock = (id: string) => api.delete(`/api/staff/webchat/blocks/${id}`);
