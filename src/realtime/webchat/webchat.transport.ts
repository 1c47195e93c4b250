import { randomUUID } from 'node:crypto';
import type { TChatTransport } from '../../contracts/chat';
import { webchatRoom, type TWebchatEndReason, type TWebchatMessage } from '../../contracts/webchat';
import type { TWebchatSessions } from '../../modules/webchat/webchat-sessions.repository';

export class WebchatVisitorGone extends Error {
  override name = 'WebchatVisitorGone';
  constructor() {
    super('the web chat visitor has left');
  }
}

/**
 * The 'web' channel's transport for the chat module's outbox: the reply is numbered and kept
 * (encrypted, for a page that reconnects), then emitted to the visitor's room, which the Redis
 * adapter carries to whichever API node holds the page. A visitor who has left cannot be written
 * to: the send fails and the chat module tells the counsellor.
 */
export function webchatTransport(
  sessions: TWebchatSessions,
  emit: {
    message: (room: string, message: TWebchatMessage) => void;
    ended: (room: string, reason: TWebchatEndReason) => void;
  },
): TChatTransport {
  return {
    async deliver({ conversationRef, text, author }) {
      const session = await sessions.byRef(conversationRef.ref);
      if (!session) throw new WebchatVisitorGone();
      const message = await sessions.keepReply(session.ref, {
        id: randomUUID(),
        from: author === 'system' ? 'system' : 'counsellor',
        text,
        at: new Date().toISOString(),
      });
      emit.message(webchatRoom(session.ref), message);
      return { providerMessageId: message.id };
    },
    /**
     * The chat module ended the chat (a counsellor closed it, or the visitor's stop word): the page
     * is told, and its token opens nothing any more. Its socket stays until the page closes it, so
     * the answer to a message that carried a stop word still reaches it.
     */
    async close({ conversationRef }) {
      emit.ended(webchatRoom(conversationRef.ref), 'counsellor');
      await sessions.end(conversationRef.ref);
    },
  };
}
