import { ZEmpty } from '../../contracts/realtime';
import { stateSnapshot } from '../../modules/routing/snapshot.service';
import type { TRoutingContext } from '../../modules/routing/routing.context';
import { handle } from '../handle';
import type { TSocket } from '../realtime.server';

export function stateHandlers(socket: TSocket, ctx: TRoutingContext): void {
  handle(socket, ctx.log, 'state:sync', ZEmpty, (actor) => stateSnapshot(ctx, actor));
}
