import type { TOfferWithdrawnReason } from '../../contracts/realtime';
import { recordFromFlat, toView } from './presence/presence.repository';
import type { TReleaseReason } from './offers.repository';
import { pushPresence, RoutingError, type TRoutingContext } from './routing.context';

const withdrawReason: Record<TReleaseReason, TOfferWithdrawnReason> = {
  reject: 'taken',
  timeout: 'timeout',
  disconnect: 'disconnected',
};

/**
 * The counsellor takes the offer: exactly one accept wins, then the task's channel connects
 * them (voice bridges the call).
 */
export async function acceptOffer(
  ctx: TRoutingContext,
  userId: string,
  offerId: string,
): Promise<{ taskId: string }> {
  const accepted = await ctx.offers.accept(userId, offerId, Date.now());
  if (!accepted) throw new RoutingError('OFFER_GONE');
  const { counsellor, ...call } = accepted;
  ctx.events.record({
    callSid: call.callSid,
    kind: 'routing.accepted',
    payload: { offerId, userId, hotline: call.hotline },
  });
  ctx.notifier.queueChanged(call.hotline);
  // The accept returned the counsellor's record: no read between the click and the bridge.
  const record = recordFromFlat(userId, counsellor);
  ctx.notifier.presence(toView(record));
  await ctx.channels.accepted(userId, call);
  // A chat leaves her available within her chat capacity: the next chat may be hers.
  if (record.state === 'available') void ctx.dispatcher.kick();
  return { taskId: call.callSid };
}

/** Reject, time-out or lost connection: the caller goes back to their place, then dispatch. */
export async function releaseOffer(
  ctx: TRoutingContext,
  offerId: string,
  reason: TReleaseReason,
  expectedUserId?: string,
): Promise<boolean> {
  if (expectedUserId) {
    const offer = await ctx.offers.offerOf(offerId);
    if (!offer || offer.userId !== expectedUserId) return false;
  }
  const released = await ctx.offers.release(
    offerId,
    reason,
    Date.now(),
    ctx.settings.maxConsecutiveTimeouts,
  );
  if (!released) return false;
  ctx.events.record({
    callSid: released.callSid,
    kind: reason === 'reject' ? 'routing.rejected' : 'routing.offer-timeout',
    payload: { offerId, userId: released.userId, reason },
  });
  if (reason !== 'reject') ctx.notifier.withdrawn(released.userId, offerId, withdrawReason[reason]);
  await pushPresence(ctx, released.userId);
  void ctx.dispatcher.kick();
  return true;
}

export async function rejectOffer(
  ctx: TRoutingContext,
  userId: string,
  offerId: string,
): Promise<void> {
  if (!(await releaseOffer(ctx, offerId, 'reject', userId))) throw new RoutingError('OFFER_GONE');
}

/** Offers whose time ran out, on whichever node notices first (release is idempotent). */
export async function expireDueOffers(ctx: TRoutingContext): Promise<number> {
  const due = await ctx.offers.dueOffers(Date.now());
  let expired = 0;
  for (const offerId of due) if (await releaseOffer(ctx, offerId, 'timeout')) expired++;
  return expired;
}
