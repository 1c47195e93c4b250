import {
  WEBCHAT_NAMESPACE,
  ZWebchatHandshake,
  webchatRoom,
  type TWebchatEndReason,
} from '../../contracts/webchat';
import type { TIo } from '../realtime.server';
import type { TWebchatContext, TWebchatNamespace, TWebchatSocket } from './webchat.context';
import { webchatHandshake } from './webchat.handshake';
import { webchatHandlers } from './webchat.handlers';
import { webchatTransport } from './webchat.transport';

/**
 * The anonymous web chat namespace on the API's Socket.IO server (same Redis adapter, so a reply
 * reaches the visitor on any node). No staff session here: the handshake checks the partner
 * site's origin, the address's budget and blocks instead.
 */
export function attachWebchat(io: TIo, ctx: TWebchatContext) {
  const nsp = io.of(WEBCHAT_NAMESPACE) as unknown as TWebchatNamespace;
  const leaving = new Set<NodeJS.Timeout>();
  nsp.use(webchatHandshake(ctx));
  nsp.on('connection', (socket: TWebchatSocket) => {
    const after = ZWebchatHandshake.safeParse(socket.handshake.auth).data?.after;
    webchatHandlers(socket, ctx, after);
    socket.on('disconnect', () => {
      const ref = socket.data.session?.ref;
      if (!ref) return;
      // A dropped connection may come back (with its token); a closed page never does, and its
      // chat ends once no page of it has returned within the grace period, on any node.
      const timer = setTimeout(() => {
        leaving.delete(timer);
        void endIfAbandoned(nsp, ctx, ref).catch((err: unknown) =>
          ctx.log.error({ err }, 'web chat abandonment check failed'),
        );
      }, ctx.config.WEBCHAT_RECONNECT_GRACE_MS);
      timer.unref();
      leaving.add(timer);
    });
  });

  return {
    transport: webchatTransport(ctx.sessions, {
      message: (room, message) => nsp.to(room).emit('webchat:message', message),
      ended: (room, reason) => nsp.to(room).emit('webchat:ended', { reason }),
    }),
    /** The counsellor is typing: the visitor's page shows it. */
    typing(ref: string) {
      nsp.to(webchatRoom(ref)).emit('webchat:typing');
    },
    /** Tells the visitor's page why the chat ended and closes its sockets, on every node. */
    async closeVisitor(ref: string, reason: TWebchatEndReason = 'blocked') {
      nsp.to(webchatRoom(ref)).emit('webchat:ended', { reason });
      nsp.in(webchatRoom(ref)).disconnectSockets(true);
    },
    close() {
      for (const timer of leaving) clearTimeout(timer);
      leaving.clear();
    },
  };
}
export type TWebchat = ReturnType<typeof attachWebchat>;

async function endIfAbandoned(nsp: TWebchatNamespace, ctx: TWebchatContext, ref: string) {
  const back = await nsp.in(webchatRoom(ref)).fetchSockets();
  if (back.length || !(await ctx.sessions.byRef(ref))) return;
  await ctx.sessions.end(ref);
  await ctx.inbox()?.end({ provider: 'web', ref }, 'visitor');
}
