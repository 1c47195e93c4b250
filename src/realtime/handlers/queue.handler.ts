import { ZQueueAssign, ZQueuePrioritise } from '../../contracts/realtime';
import { can } from '../../modules/auth/permissions.policy';
import type { TRoutingContext } from '../../modules/routing/routing.context';
import { assignCaller, prioritiseCaller } from '../../modules/routing/supervisor-queue.service';
import { handle } from '../handle';
import type { TSocket } from '../realtime.server';

/** Supervisor queue actions over the socket (the same services as the HTTP routes). */
export function queueHandlers(socket: TSocket, ctx: TRoutingContext): void {
  handle(
    socket,
    ctx.log,
    'queue:assign',
    ZQueueAssign,
    (actor, p) => assignCaller(ctx, actor, p.taskId, p.userId),
    (a) => can(a, 'routing.assign'),
  );
  handle(
    socket,
    ctx.log,
    'queue:prioritise',
    ZQueuePrioritise,
    async (actor, p) => {
      await prioritiseCaller(ctx, actor, p.taskId, p);
      return { taskId: p.taskId };
    },
    (a) => can(a, 'routing.prioritise'),
  );
}
