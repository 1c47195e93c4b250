import { ZChatTyping } from '../../contracts/chat-realtime';
import { can } from '../../modules/auth/permissions.policy';
import { RoutingError } from '../../modules/routing/routing.context';
import { handle } from '../handle';
import type { TSocket } from '../realtime.server';

export type TChatHandlerDeps = {
  log: { error(obj: object, msg: string): void };
  conversation: (
    id: string,
  ) => Promise<
    { assignedTo: string | null; state: string; provider: string; providerRef: string } | undefined
  >;
  /** Shows "typing…" on the web-chat visitor's page. */
  counsellorTyping: (ref: string) => void;
};

/**
 * The desk's chat events over the socket: only typing (messages go through the API, where each
 * reply's policies are checked). Only the counsellor who holds an active chat may type in it;
 * any other conversation answers as missing.
 */
export function chatHandlers(socket: TSocket, deps: TChatHandlerDeps): void {
  handle(
    socket,
    deps.log,
    'chat:typing',
    ZChatTyping,
    async (actor, p) => {
      const row = await deps.conversation(p.conversationId);
      if (!row || row.assignedTo !== actor.userId || row.state !== 'active')
        throw new RoutingError('NOT_FOUND');
      // Twilio's channels carry no typing notice a Conversations participant can send.
      if (row.provider === 'web') deps.counsellorTyping(row.providerRef);
      return null;
    },
    (actor) => can(actor, 'chat.reply'),
  );
}
