import { rooms } from '../contracts/realtime';
import { organisationRoom } from '../contracts/referrals-realtime';
import { counsellorBack, counsellorGone } from '../modules/routing/presence/presence.service';
import type { TLiveCallContext } from '../modules/voice/conference/live-call.context';
import { stateSnapshot } from '../modules/routing/snapshot.service';
import { callControlHandlers } from './handlers/call-control.handler';
import { offerHandlers } from './handlers/offer.handler';
import { presenceHandlers } from './handlers/presence.handler';
import { queueHandlers } from './handlers/queue.handler';
import { stateHandlers } from './handlers/state.handler';
import type { TIo, TSocket } from './realtime.server';

async function lastSocketGone(io: TIo, ctx: TLiveCallContext, userId: string): Promise<void> {
  // Any node may still hold a tab of this counsellor; only when none is left do they go.
  const remaining = await io
    .in(rooms.user(userId))
    .fetchSockets()
    .catch(() => io.local.in(rooms.user(userId)).fetchSockets());
  if (!remaining.length) await counsellorGone(ctx, userId);
}

/**
 * Per socket: rooms (self, each hotline, each hotline and language served, supervisors, a
 * partner's organisation), the handlers,
 * and a full snapshot sent right away, because Socket.IO may have dropped events while the
 * client was away.
 */
export function attachConnections(io: TIo, ctx: TLiveCallContext, isClosing: () => boolean): void {
  io.on('connection', (socket: TSocket) => {
    const actor = socket.data.actor;
    const joined = [rooms.user(actor.userId), ...actor.hotlines.map((h) => rooms.hotline(h))];
    // Supervisors get the detailed queue and presence of their own hotlines (an administrator, of
    // every hotline, as her snapshot); a desk, the counts of each hotline and language it serves.
    if (actor.role === 'supervisor' || actor.role === 'administrator')
      joined.push(rooms.supervisors, ...actor.hotlines.map((h) => rooms.supervisorsOf(h)));
    else
      joined.push(...actor.hotlines.flatMap((h) => actor.languages.map((l) => rooms.desks(h, l))));
    if (actor.role === 'administrator') joined.push(rooms.supervisorsOfEveryHotline);
    // Partner users hear their own organisation's tickets live (the workers push to this room).
    if (
      actor.organisationKey &&
      (actor.role === 'partner_agent' || actor.role === 'partner_manager')
    )
      joined.push(organisationRoom(actor.organisationKey));
    void socket.join(joined);
    stateHandlers(socket, ctx);
    presenceHandlers(socket, ctx);
    offerHandlers(socket, ctx);
    callControlHandlers(socket, ctx);
    queueHandlers(socket, ctx);
    socket.on('disconnect', () => {
      // A node shutting down drops its sockets on purpose: the clients reconnect to another
      // node, and the heartbeat sweep releases anyone who does not come back.
      if (isClosing()) return;
      lastSocketGone(io, ctx, actor.userId).catch((err: unknown) =>
        ctx.log.error({ err }, 'disconnect handling failed'),
      );
    });
    (async () => {
      await counsellorBack(ctx, actor);
      socket.emit('state:snapshot', await stateSnapshot(ctx, actor));
    })().catch((err: unknown) => {
      // Redis between masters (a failover) or away: a desk left connected without its snapshot
      // would show nothing and, not marked back, be offered nothing, yet look connected. Closed,
      // it shows "reconnecting" and comes back (web socket-client) for a snapshot once Redis
      // answers again.
      ctx.log.error({ err }, 'snapshot on connect failed');
      socket.disconnect(true);
    });
  });
}
