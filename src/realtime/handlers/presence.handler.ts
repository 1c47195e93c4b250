import { ZEmpty, ZPresenceSet } from '../../contracts/realtime';
import { can } from '../../modules/auth/permissions.policy';
import { endWrapUp, setPresence } from '../../modules/routing/presence/presence.service';
import type { TRoutingContext } from '../../modules/routing/routing.context';
import { handle } from '../handle';
import type { TSocket } from '../realtime.server';

export function presenceHandlers(socket: TSocket, ctx: TRoutingContext): void {
  const mayRoute = (a: Parameters<typeof can>[0]) => can(a, 'routing.presence');
  handle(
    socket,
    ctx.log,
    'presence:set',
    ZPresenceSet,
    (actor, p) => setPresence(ctx, actor, p.state, p.reason),
    mayRoute,
  );
  handle(socket, ctx.log, 'wrapup:end', ZEmpty, (actor) => endWrapUp(ctx, actor.userId), mayRoute);
}
