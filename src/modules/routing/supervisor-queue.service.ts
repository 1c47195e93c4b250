import type { TWaitingCallerView } from '../../contracts/realtime';
import type { TActor } from '../auth/actor';
import { newOfferId } from './offer-id';
import { pushPresence, RoutingError, type TRoutingContext } from './routing.context';

type TSupervisor = Pick<TActor, 'userId' | 'role' | 'hotlines'>;

const inScope = (actor: TSupervisor, hotlines: readonly string[]) =>
  actor.role === 'administrator' || hotlines.some((h) => actor.hotlines.includes(h));

/** Waiting callers of the hotlines the supervisor watches, each hotline in queue order. */
export async function waitingCallers(
  ctx: TRoutingContext,
  actor: TSupervisor,
): Promise<TWaitingCallerView[]> {
  const known = await ctx.queues.hotlines();
  return ctx.queues.callers(known.filter((h) => inScope(actor, [h])).sort());
}

async function callerHotlineInScope(
  ctx: TRoutingContext,
  actor: TSupervisor,
  callSid: string,
): Promise<string> {
  const hotline = await ctx.offers.callerHotline(callSid);
  // A caller of another hotline is reported as not waiting: its existence is not the
  // supervisor's business.
  if (!hotline || !inScope(actor, [hotline])) throw new RoutingError('CALLER_NOT_WAITING');
  return hotline;
}

/**
 * A supervisor hands a waiting caller to a named counsellor. The offer goes through the same
 * atomic reservation as automatic dispatch, so a caller is never offered to two counsellors nor
 * a counsellor given two callers; it then runs like any offer (accept, reject, time-out → back
 * in line at the same place).
 */
export async function assignCaller(
  ctx: TRoutingContext,
  actor: TSupervisor,
  callSid: string,
  userId: string,
): Promise<{ offerId: string }> {
  const hotline = await callerHotlineInScope(ctx, actor, callSid);
  const counsellor = await ctx.presence.get(userId);
  if (!counsellor || !inScope(actor, counsellor.hotlines) || counsellor.state !== 'available')
    throw new RoutingError('COUNSELLOR_NOT_AVAILABLE');
  const caller = await ctx.offers.callerInfo(callSid);
  if (!caller) throw new RoutingError('CALLER_NOT_WAITING');
  const offerId = newOfferId();
  const expiresAt = Date.now() + ctx.settings.offerTimeoutMs;
  const made = await ctx.offers.reserve([{ callSid, userId, offerId, tier: 'exact' }], expiresAt);
  if (!made.has(offerId)) {
    // Lost a race (dispatch or another supervisor): say which side moved.
    const now = await ctx.presence.get(userId);
    throw new RoutingError(
      now?.state === 'available' ? 'CALLER_NOT_WAITING' : 'COUNSELLOR_NOT_AVAILABLE',
    );
  }
  ctx.notifier.offered(userId, {
    offerId,
    taskId: callSid,
    channel: caller.channel,
    hotline: caller.hotline,
    language: caller.language,
    kind: caller.kind,
    enqueuedAt: caller.enqueuedAt,
    expiresAt,
  });
  ctx.events.record({
    callSid,
    kind: 'routing.offered',
    payload: { offerId, userId, tier: 'manual', hotline, assignedBy: actor.userId },
  });
  ctx.notifier.queueChanged(hotline);
  await pushPresence(ctx, userId);
  await ctx.audit({
    actorId: actor.userId,
    action: 'routing.caller_assigned',
    entityType: 'call',
    entityId: callSid,
    data: { hotline, counsellorId: userId, offerId },
  });
  return { offerId };
}

/** Moves a waiting caller forward (child caller, imminent danger); never backwards. */
export async function prioritiseCaller(
  ctx: TRoutingContext,
  actor: TSupervisor,
  callSid: string,
  change: { reason: 'child' | 'imminent-danger'; boostMinutes: number },
): Promise<void> {
  const hotline = await callerHotlineInScope(ctx, actor, callSid);
  if (!(await ctx.offers.prioritise(callSid, change.boostMinutes * 60_000)))
    throw new RoutingError('CALLER_NOT_WAITING');
  ctx.notifier.queueChanged(hotline);
  await ctx.audit({
    actorId: actor.userId,
    action: 'routing.caller_prioritised',
    entityType: 'call',
    entityId: callSid,
    data: { hotline, reason: change.reason, boostMinutes: change.boostMinutes },
  });
}
