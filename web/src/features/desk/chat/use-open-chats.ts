import { useCallback, useEffect, useState } from 'react';
import type { TChatConversation, TChatMessage } from '../../../../../src/contracts/chat';
import { CHAT_TYPING_SHOWN_MS } from '../../../../../src/contracts/chat-typing';
import { useRealtime, useRealtimeEvent } from '../../../shared/realtime/use-realtime';
import { useUser } from '../../../shared/session/session-context';
import { myChats, readChat } from './chat.api';

export type TOpenChat = {
  conversation: TChatConversation;
  /** Null until the transcript has been read. */
  messages: TChatMessage[] | null;
  /** Until when "typing…" shows (ms since epoch). */
  typingUntil: number;
};

/** Oldest first, a message kept once however often it arrives (pushed and in the transcript). */
function merged(messages: TChatMessage[], more: TChatMessage[]): TChatMessage[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  for (const m of more) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * The counsellor's open chats: read from the API on load and on every reconnect (Socket.IO may
 * have dropped events meanwhile), then kept live by the pushed messages, changes and typing. A
 * chat that ended stays open until she closes its tab: she must see why it ended.
 */
export function useOpenChats() {
  const { userId } = useUser();
  const { connection } = useRealtime();
  const [chats, setChats] = useState<TOpenChat[]>([]);

  const patch = useCallback((id: string, fn: (c: TOpenChat) => TOpenChat) => {
    setChats((all) => all.map((c) => (c.conversation.id === id ? fn(c) : c)));
  }, []);

  const load = useCallback(async (id: string) => {
    const read = await readChat(id);
    setChats((all) => {
      const found = all.find((c) => c.conversation.id === id);
      const next: TOpenChat = {
        conversation: read.conversation,
        messages: merged(found?.messages ?? [], read.messages),
        typingUntil: found?.typingUntil ?? 0,
      };
      return found ? all.map((c) => (c === found ? next : c)) : [...all, next];
    });
  }, []);

  useEffect(() => {
    if (connection !== 'online') return;
    let live = true;
    void myChats()
      .then(async (mine) => {
        if (!live) return;
        for (const c of mine) await load(c.id);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [connection, load]);

  useRealtimeEvent(
    'chat:message',
    useCallback(
      ({ conversationId, message }) =>
        patch(conversationId, (c) => ({
          ...c,
          messages: merged(c.messages ?? [], [message]),
          typingUntil: message.direction === 'inbound' ? 0 : c.typingUntil,
        })),
      [patch],
    ),
  );
  useRealtimeEvent(
    'chat:updated',
    useCallback(
      (conversation) => {
        // Ended: shown with its reason. Someone else's now (a transfer): gone from my desk.
        if (conversation.state === 'ended' || conversation.assignedTo === userId)
          patch(conversation.id, (c) => ({ ...c, conversation }));
        else setChats((all) => all.filter((c) => c.conversation.id !== conversation.id));
      },
      [patch, userId],
    ),
  );
  useRealtimeEvent(
    'chat:typing',
    useCallback(
      ({ conversationId }) =>
        patch(conversationId, (c) => ({ ...c, typingUntil: Date.now() + CHAT_TYPING_SHOWN_MS })),
      [patch],
    ),
  );

  return {
    chats,
    /** After an accept: the conversation is mine; its transcript is read once. */
    open: (id: string) => load(id),
    /** Its tab closed (after it ended or was transferred). */
    close: (id: string) => setChats((all) => all.filter((c) => c.conversation.id !== id)),
    /** My reply as the API answered it, shown at once (its push may come after). */
    changed: (conversation: TChatConversation) =>
      patch(conversation.id, (c) => ({ ...c, conversation })),
  };
}

export type TOpenChats = ReturnType<typeof useOpenChats>;
