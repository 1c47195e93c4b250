import type { TOfferView, TStateSnapshot } from '../../contracts/realtime';
import type { TActor } from '../auth/actor';
import { toView } from './presence/presence.repository';
import { queueCounts } from './queue-counts.policy';
import type { TRoutingContext } from './routing.context';

const seesEveryone = (actor: Pick<TActor, 'role'>) =>
  actor.role === 'supervisor' || actor.role === 'administrator';

/**
 * Everything a client shows, read fresh from Redis. Sent on every (re)connect because Socket.IO
 * delivers at most once: a client never relies on events it may have missed.
 */
export async function stateSnapshot(
  ctx: TRoutingContext,
  actor: Pick<TActor, 'userId' | 'role' | 'hotlines' | 'languages'>,
): Promise<TStateSnapshot> {
  const now = Date.now();
  const record = await ctx.presence.get(actor.userId);
  let offer: TOfferView | null = null;
  if (record?.state === 'offered' && record.offerId && record.offerCallSid) {
    const caller = await ctx.offers.callerInfo(record.offerCallSid);
    if (caller)
      offer = {
        offerId: record.offerId,
        taskId: record.offerCallSid,
        channel: caller.channel,
        hotline: caller.hotline,
        language: caller.language,
        kind: caller.kind,
        enqueuedAt: caller.enqueuedAt,
        expiresAt: record.offerExpiresAt ?? now,
      };
  }
  const everyone = seesEveryone(actor);
  const counsellors = everyone
    ? await ctx.presence.list(
        (r) => actor.role === 'administrator' || r.hotlines.some((h) => actor.hotlines.includes(h)),
      )
    : [];
  const queues = await ctx.queues.all(actor.role === 'administrator' ? null : actor.hotlines, now);
  return {
    serverTime: now,
    me: record ? toView(record) : null,
    offer,
    queues,
    counts: actor.hotlines.flatMap((h) =>
      queueCounts(
        h,
        queues.find((q) => q.hotline === h),
        actor.languages,
        now,
      ),
    ),
    counsellors: counsellors.map(toView),
  };
}
