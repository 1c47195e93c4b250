import { ZOfferRef } from '../../contracts/realtime';
import { can } from '../../modules/auth/permissions.policy';
import { acceptOffer, rejectOffer } from '../../modules/routing/offer.service';
import type { TRoutingContext } from '../../modules/routing/routing.context';
import { handle } from '../handle';
import type { TSocket } from '../realtime.server';

export function offerHandlers(socket: TSocket, ctx: TRoutingContext): void {
  const mayAnswer = (a: Parameters<typeof can>[0]) => can(a, 'routing.offer');
  handle(
    socket,
    ctx.log,
    'call:accept',
    ZOfferRef,
    (actor, p) => acceptOffer(ctx, actor.userId, p.offerId),
    mayAnswer,
  );
  handle(
    socket,
    ctx.log,
    'call:reject',
    ZOfferRef,
    async (actor, p) => {
      await rejectOffer(ctx, actor.userId, p.offerId);
      return { offerId: p.offerId };
    },
    mayAnswer,
  );
}
