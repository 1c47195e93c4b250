import { z } from 'zod';
import type { TChatConversation, TChatMessage } from './chat';

/**
 * Live chat on the desk: part of the one server→client map (`TServerToClientEvents` in
 * ./realtime). A message's text goes only to the counsellor the conversation is assigned to
 * (she holds it and may read it); supervisors of the hotline hear of state changes, ids only,
 * and read a transcript through the API, where the read is audited.
 */
export type TChatServerEvents = {
  /** A message stored in one of my conversations: the visitor's, or a reply sent from it. */
  'chat:message': (payload: { conversationId: string; message: TChatMessage }) => void;
  /** One of my conversations (or, for supervisors, one of their hotline's) changed state. */
  'chat:updated': (conversation: TChatConversation) => void;
  /** The visitor is typing (web chat); shown for a few seconds unless repeated. */
  'chat:typing': (payload: { conversationId: string }) => void;
};

/** Desk → server: the counsellor is typing a reply (the web-chat visitor sees "typing…"). */
export const ZChatTyping = z.object({ conversationId: z.uuid() });
