import type { TActor } from '../../auth/actor';
import { callerIdOf, conferenceFor, directLegTarget, ringCounsellor } from './bridge.service';
import { pushPresence, RoutingError } from '../../routing/routing.context';
import { completeTask, requeueTask } from '../../routing/tasks.service';
import { telephonyError } from '../../telephony/telephony-error';
import type { TLiveCallContext } from './live-call.context';
import type { TMonitorMode } from './monitor-legs.repository';

type TWho = Pick<TActor, 'userId' | 'role'>;

/** Only the counsellor on the call may control it (a supervisor monitors instead). */
async function ownCall(ctx: TLiveCallContext, who: TWho, callSid: string): Promise<void> {
  if ((await ctx.offers.connectedTo(callSid)) !== who.userId) throw new RoutingError('NOT_FOUND');
}

async function telephony<T>(ctx: TLiveCallContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    ctx.log.warn({ err: telephonyError(err) }, 'call control request failed');
    throw new RoutingError('TELEPHONY_FAILED');
  }
}

/** Hold puts the caller on hold music; resume brings them back. */
export async function holdCaller(ctx: TLiveCallContext, who: TWho, callSid: string, hold: boolean) {
  await ownCall(ctx, who, callSid);
  await telephony(ctx, () =>
    ctx.telephony.updateParticipant({ conferenceName: conferenceFor(callSid), callSid, hold }),
  );
}

/** Mutes the counsellor's own leg (useful on a mobile, where the browser cannot mute). */
export async function muteCounsellor(
  ctx: TLiveCallContext,
  who: TWho,
  callSid: string,
  muted: boolean,
) {
  await ownCall(ctx, who, callSid);
  const leg = await ctx.offers.counsellorLeg(callSid);
  if (!leg) throw new RoutingError('NOT_FOUND');
  await telephony(ctx, () =>
    ctx.telephony.updateParticipant({
      conferenceName: conferenceFor(callSid),
      callSid: leg,
      muted,
    }),
  );
}

/** Cold transfer: the caller goes back to waiting, in another hotline or language queue, keeping their place. */
export async function transferToQueue(
  ctx: TLiveCallContext,
  who: TWho,
  callSid: string,
  to: { hotline: string; language: string },
) {
  await ownCall(ctx, who, callSid);
  const back = await requeueTask(ctx, callSid, to);
  if (!back) throw new RoutingError('INVALID_TRANSITION');
  ctx.events.record({
    callSid,
    kind: 'routing.transferred',
    payload: { ...to, userId: who.userId },
  });
  await telephony(ctx, () => ctx.telephony.redirectCall({ callSid, url: ctx.urls.requeue(back) }));
  await completeTask(ctx, who.userId, callSid);
  ctx.notifier.queueChanged(back.hotline);
  void ctx.dispatcher.kick();
}

/**
 * Warm transfer: the named (available) counsellor joins the conference and the call becomes
 * theirs; the first counsellor can introduce the caller, then hang up without ending the call.
 * They are rung where they answer accepted calls: a colleague on her own mobile hears the
 * whisper and presses 1, as for a call from the queue.
 */
export async function transferToCounsellor(
  ctx: TLiveCallContext,
  who: TWho,
  callSid: string,
  toUserId: string,
) {
  await ownCall(ctx, who, callSid);
  const hotline = await ctx.offers.callerHotline(callSid);
  if (!hotline) throw new RoutingError('NOT_FOUND');
  if (!(await ctx.offers.handOver(callSid, who.userId, toUserId)))
    throw new RoutingError('INVALID_TRANSITION');
  const from = await callerIdOf(ctx, hotline);
  const leg = await telephony(ctx, () =>
    ringCounsellor(ctx, { userId: toUserId, call: { callSid, hotline }, from }),
  );
  await ctx.offers.setCounsellorLeg(callSid, leg.callSid);
  ctx.events.record({
    callSid,
    kind: 'routing.transferred',
    payload: { from: who.userId, to: toUserId },
  });
  ctx.notifier.connected(toUserId, callSid, conferenceFor(callSid));
  await pushPresence(ctx, toUserId);
}

/** An interpreter or a partner joins by phone. */
export async function addParty(
  ctx: TLiveCallContext,
  who: TWho,
  callSid: string,
  party: { role: 'interpreter' | 'partner'; to: string },
) {
  await ownCall(ctx, who, callSid);
  const hotline = await ctx.offers.callerHotline(callSid);
  const from = hotline ? await ctx.hotlineNumber(hotline) : null;
  if (!from) throw new RoutingError('NOT_FOUND');
  const leg = await telephony(ctx, () =>
    ctx.telephony.addParticipant({
      conferenceName: conferenceFor(callSid),
      to: party.to,
      from,
      label: party.role,
      beep: false,
      endConferenceOnExit: false,
    }),
  );
  return { participantSid: leg.callSid };
}

/** How a monitoring leg hears and is heard: listen muted, whisper to the counsellor, barge to all. */
function monitorSettings(mode: TMonitorMode, counsellorLeg: string) {
  return {
    muted: mode === 'listen',
    coaching: mode === 'whisper',
    ...(mode === 'whisper' ? { coachCallSid: counsellorLeg } : {}),
  };
}

/**
 * Supervisor listen (muted), whisper (coach the counsellor only) or barge-in (heard by all), on
 * the supervisor's softphone or, if she answers there, her own mobile (the hotline's number calls).
 * One leg at a time: while she is on this call, another mode changes her leg in place (no new
 * ring); another call, or a changed phone, hangs the old leg up first. A second click while the
 * first is still ringing her is refused rather than ringing her twice.
 */
export async function monitorCall(
  ctx: TLiveCallContext,
  who: TWho,
  callSid: string,
  mode: TMonitorMode,
): Promise<{ participantSid: string; switched: boolean }> {
  const counsellorLeg = await ctx.offers.counsellorLeg(callSid);
  const hotline = await ctx.offers.callerHotline(callSid);
  if (!counsellorLeg || !hotline) throw new RoutingError('NOT_FOUND');
  if (!(await ctx.monitors.lock(who.userId))) throw new RoutingError('MONITOR_BUSY');
  try {
    const to = await directLegTarget(ctx, who.userId);
    const current = await ctx.monitors.get(who.userId);
    const conferenceName = conferenceFor(callSid);
    if (current && current.callSid === callSid && current.to === to) {
      const switched = await ctx.telephony
        .updateParticipant({
          conferenceName,
          callSid: current.legSid,
          ...monitorSettings(mode, counsellorLeg),
        })
        .then(
          () => true,
          // Her leg is gone (she hung up): ring her again below.
          () => false,
        );
      if (switched) {
        await ctx.monitors.save(who.userId, { ...current, mode });
        return { participantSid: current.legSid, switched: true };
      }
    } else if (current) await dropMonitorLeg(ctx, who.userId);
    const from = await callerIdOf(ctx, hotline);
    const leg = await telephony(ctx, () =>
      ctx.telephony.addParticipant({
        conferenceName,
        to,
        from,
        label: `supervisor-${mode}`,
        ...monitorSettings(mode, counsellorLeg),
        beep: false,
        endConferenceOnExit: false,
      }),
    );
    await ctx.monitors.save(who.userId, { callSid, legSid: leg.callSid, mode, to });
    return { participantSid: leg.callSid, switched: false };
  } finally {
    await ctx.monitors.unlock(who.userId);
  }
}

/** Hangs up the supervisor's monitoring leg, if she has one; an already ended leg is fine. */
async function dropMonitorLeg(ctx: TLiveCallContext, userId: string): Promise<boolean> {
  const current = await ctx.monitors.get(userId);
  if (!current) return false;
  await ctx.telephony.hangupCall({ callSid: current.legSid }).catch((err: unknown) => {
    ctx.log.warn({ err: telephonyError(err) }, 'monitoring leg hang-up failed');
  });
  await ctx.monitors.clear(userId);
  return true;
}

export async function stopMonitoring(ctx: TLiveCallContext, who: TWho) {
  return { stopped: await dropMonitorLeg(ctx, who.userId) };
}

/**
 * The counsellor ends the call. Where the hotline asks the after-call question, the caller is
 * taken out of the conference to hear it (and the conference ends for the counsellor);
 * otherwise the caller's call is hung up.
 */
export async function hangUp(ctx: TLiveCallContext, who: TWho, callSid: string) {
  await ownCall(ctx, who, callSid);
  const caller = await ctx.offers.callerInfo(callSid);
  // Only a caller who called in: a call-back was the counsellor's call, not theirs.
  const ask =
    caller?.kind === 'inbound' &&
    (await ctx.hotlineFacts(caller.hotline).catch(() => null))?.afterCallQuestion === true;
  await telephony(ctx, () =>
    ask && caller
      ? ctx.telephony.redirectCall({
          callSid,
          url: ctx.urls.afterCall(caller),
        })
      : ctx.telephony.hangupCall({ callSid }),
  );
  await completeTask(ctx, who.userId, callSid);
}
