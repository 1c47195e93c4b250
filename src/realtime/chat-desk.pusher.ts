import { rooms } from '../contracts/realtime';
import type { TChatConversation, TChatMessageNotice } from '../contracts/chat';
import type { TRoomDelivery } from './room-delivery';

/** The little of the chat module the desk push follows. */
export type TDeskChatNotices = {
  onMessage(listener: (notice: TChatMessageNotice) => void): () => void;
  onConversation(listener: (conversation: TChatConversation) => void): () => void;
};

/**
 * Chat to the desks, on every API node through the batched room delivery: each stored message
 * (the visitor's, from a webhook or the web chat, and each reply sent) to the counsellor who
 * holds the conversation, and each change of a conversation to her and to the hotline's
 * supervisors. A waiting conversation's messages go to nobody: whoever accepts it reads the
 * transcript (an audited read) when her panel opens.
 */
export function startChatDeskPush(notices: TDeskChatNotices, delivery: TRoomDelivery) {
  const stops = [
    notices.onMessage((notice) => {
      if (!notice.assignedTo) return;
      delivery.to(rooms.user(notice.assignedTo)).emit('chat:message', {
        conversationId: notice.conversationId,
        message: notice.message,
      });
    }),
    notices.onConversation((conversation) => {
      const to = [rooms.supervisorsOf(conversation.hotline)];
      if (conversation.assignedTo) to.push(rooms.user(conversation.assignedTo));
      delivery.to(to).emit('chat:updated', conversation);
    }),
  ];
  return {
    /** The visitor is typing: her counsellor's desk shows it. */
    visitorTyping(conversationId: string, assignedTo: string): void {
      delivery.to(rooms.user(assignedTo)).emit('chat:typing', { conversationId });
    },
    close(): void {
      for (const stop of stops) stop();
    },
  };
}

export type TChatDeskPush = ReturnType<typeof startChatDeskPush>;
