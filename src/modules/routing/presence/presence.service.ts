import type { TCounsellorView } from '../../../contracts/realtime';
import type { TActor } from '../../auth/actor';
import { releaseOffer } from '../offer.service';
import { pushPresence, RoutingError, type TRoutingContext } from '../routing.context';
import { releasesOnDisconnect, resumeOnReconnect, type TPresenceTarget } from './presence.policy';
import { toView } from './presence.repository';

/** A counsellor sets themselves available, away (with a reason) or offline. */
export async function setPresence(
  ctx: TRoutingContext,
  actor: Pick<TActor, 'userId' | 'hotlines' | 'languages'>,
  target: TPresenceTarget,
  reason?: string,
): Promise<TCounsellorView> {
  const state = await ctx.presence.set({
    userId: actor.userId,
    target,
    reason,
    hotlines: actor.hotlines,
    languages: actor.languages,
    now: Date.now(),
    capacity: await ctx.capacities.of(actor.userId),
  });
  if (!state) throw new RoutingError('INVALID_TRANSITION');
  const record = await ctx.presence.get(actor.userId);
  if (!record) throw new RoutingError('INTERNAL');
  ctx.notifier.presence(toView(record));
  if (state === 'available') void ctx.dispatcher.kick();
  return toView(record);
}

export async function endWrapUp(ctx: TRoutingContext, userId: string): Promise<TCounsellorView> {
  if (!(await ctx.presence.endWrapUp(userId, Date.now())))
    throw new RoutingError('INVALID_TRANSITION');
  await pushPresence(ctx, userId);
  void ctx.dispatcher.kick();
  const record = await ctx.presence.get(userId);
  if (!record) throw new RoutingError('INTERNAL');
  return toView(record);
}

/**
 * The counsellor's last socket closed (on any node) or their heartbeat went stale: an open
 * offer goes to the next counsellor at once and they stop receiving offers until they return.
 */
export async function counsellorGone(ctx: TRoutingContext, userId: string): Promise<void> {
  const record = await ctx.presence.get(userId);
  if (!record) return;
  const release = releasesOnDisconnect(record.state);
  if (release === 'offer' && record.offerId) {
    await releaseOffer(ctx, record.offerId, 'disconnect', userId);
  } else if (release === 'presence') {
    await ctx.presence.set({
      userId,
      target: 'away',
      reason: 'disconnected',
      hotlines: record.hotlines,
      languages: record.languages,
      now: Date.now(),
      allowed: ['available'],
    });
    await pushPresence(ctx, userId);
  }
}

/** Back after a dropped connection: resume being available, as before the drop. */
export async function counsellorBack(
  ctx: TRoutingContext,
  actor: Pick<TActor, 'userId' | 'hotlines' | 'languages'>,
): Promise<void> {
  const record = await ctx.presence.get(actor.userId);
  if (!record || !resumeOnReconnect(record.state, record.reason)) return;
  const state = await ctx.presence.set({
    userId: actor.userId,
    target: 'available',
    hotlines: actor.hotlines,
    languages: actor.languages,
    now: Date.now(),
    allowed: ['away'],
    capacity: await ctx.capacities.of(actor.userId),
  });
  if (state) {
    await pushPresence(ctx, actor.userId);
    void ctx.dispatcher.kick();
  }
}

export async function expireWrapUps(ctx: TRoutingContext): Promise<void> {
  const now = Date.now();
  for (const userId of await ctx.presence.dueWrapUps(now)) {
    if (await ctx.presence.endWrapUp(userId, now)) {
      await pushPresence(ctx, userId);
      void ctx.dispatcher.kick();
    }
  }
}

/**
 * This node's heartbeat: its counsellors are seen now, and counsellors whose node stopped
 * sending heartbeats (crashed) are treated as disconnected.
 */
export async function heartbeatAndReleaseStale(
  ctx: TRoutingContext,
  connectedHere: readonly string[],
  staleAfterMs: number,
): Promise<void> {
  const now = Date.now();
  const stale = await ctx.presence.heartbeat(connectedHere, now, now - staleAfterMs);
  for (const userId of stale) await counsellorGone(ctx, userId);
}
