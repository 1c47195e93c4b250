import { randomUUID } from 'node:crypto';
import type { TChatTransport } from '../../contracts/chat';
import { webchatRoom, type TWebchatMessage } from '../../contracts/webchat';
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
  emit: (room: string, message: TWebchatMessage) => void,
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
      emit(webchatRoom(session.ref), message);
      return { providerMessageId: message.id };
    },
  };
}
