import { z } from 'zod';
import {
  ZChatConversation,
  ZChatMessage,
  type TCounsellorEndReason,
} from '../../../../../src/contracts/chat';
import { ZChatTransferTargets } from '../../../../../src/contracts/api/chat-transfer';
import { api } from '../../../shared/api/api-client';

const BASE = '/api/staff/chats';
const ZList = z.object({ chats: z.array(ZChatConversation) });

/** The chats I hold now (rebuilt on every load: the socket may have missed changes). */
export const myChats = async () => (await api.get(`${BASE}/mine`, ZList)).chats;

/** Chats waiting on my hotlines: the offer banner finds a chat's channel here. */
export const waitingChats = async () => (await api.get(`${BASE}/waiting`, ZList)).chats;

/** The conversation and its whole transcript (the read is audited on the server). */
export const readChat = (id: string) =>
  api.get(
    `${BASE}/${id}`,
    z.object({ conversation: ZChatConversation, messages: z.array(ZChatMessage) }),
  );

export const replyToChat = (id: string, text: string) =>
  api.post(
    `${BASE}/${id}/messages`,
    { text, templateKey: null },
    z.object({ messageId: z.string(), providerMessageId: z.string().nullable() }),
  );

export const endChat = (id: string, reason: TCounsellorEndReason) =>
  api.post(`${BASE}/${id}/end`, { reason });

export type TTransferTo =
  { kind: 'queue' } | { kind: 'hotline'; hotline: string; language: string };

export const transferChat = (id: string, to: TTransferTo) =>
  api.post(`${BASE}/${id}/transfer`, { to }, z.object({ conversation: ZChatConversation }));

/** Where I may hand this chat: other language queues of the hotlines I serve (server's list). */
export const chatTransferTargets = async (id: string) =>
  (await api.get(`${BASE}/${id}/transfer-targets`, ZChatTransferTargets)).targets;
