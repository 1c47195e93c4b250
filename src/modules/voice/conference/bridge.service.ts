import { toView } from '../../routing/presence/presence.repository';
import { twilioQueueName } from '../../telephony/twilio.provider';
import { ringMobile } from './mobile-leg.ring';
import type { TAcceptedCall } from '../../routing/offers.repository';
import { pushPresence, RoutingError, type TRoutingContext } from '../../routing/routing.context';
import { telephonyError } from '../../telephony/telephony-error';

/** One conference per call: hold, transfer, interpreters and monitoring are participant changes. */
export function conferenceFor(callSid: string): string {
  return `call-${callSid}`;
}

export function bridgeUrls(base: string, callSid: string, userId: string) {
  const root = base.replace(/\/+$/, '');
  const q = new URLSearchParams({ callSid, userId }).toString();
  return {
    callerTwiml: `${root}/webhooks/twilio/bridge/caller?${q}`,
    counsellorStatus: `${root}/webhooks/twilio/conference/participant?${q}`,
  };
}

const MISSED = new Set(['no-answer', 'busy', 'failed', 'canceled']);

/**
 * Takes this caller out of the platform queue into the call's conference and rings the
 * counsellor's softphone (or mobile) into it. If the platform refuses, the caller goes back to
 * the same place in line and the counsellor is freed: a caller is never dropped by a failed bridge.
 */
export async function bridgeToCounsellor(
  ctx: TRoutingContext,
  userId: string,
  call: TAcceptedCall,
): Promise<void> {
  const conferenceName = conferenceFor(call.callSid);
  const urls = bridgeUrls(ctx.config.PUBLIC_BASE_URL, call.callSid, userId);
  const from = await callerIdOf(ctx, call.hotline);
  const [dequeued, leg] = await Promise.allSettled([
    call.kind === 'callback'
      ? Promise.resolve()
      : dequeueOnceQueued(ctx, {
          queueName: twilioQueueName(call.hotline),
          callSid: call.callSid,
          url: urls.callerTwiml,
        }),
    ringCounsellor(ctx, { userId, call, from }),
  ]);
  if (dequeued.status === 'rejected' || leg.status === 'rejected') {
    const err =
      dequeued.status === 'rejected' ? dequeued.reason : (leg as PromiseRejectedResult).reason;
    ctx.log.warn(
      { err: telephonyError(err), callSid: call.callSid },
      'bridge request failed; caller back in line',
    );
    const back = await counsellorMissed(ctx, userId, call.callSid);
    // The caller already left the platform queue for the conference: send them back into it.
    if (dequeued.status === 'fulfilled' && back)
      await ctx.telephony
        .redirectCall({ callSid: call.callSid, url: requeueUrl(ctx.config.PUBLIC_BASE_URL, back) })
        .catch((e: unknown) =>
          ctx.log.error({ err: telephonyError(e) }, 'requeue after failed bridge failed'),
        );
    throw new RoutingError('TELEPHONY_FAILED');
  }
  await ctx.offers.setCounsellorLeg(call.callSid, leg.value.callSid);
  ctx.events.record({
    callSid: call.callSid,
    kind: 'routing.bridged',
    payload: { userId, conference: conferenceName },
  });
  ctx.notifier.connected(userId, call.callSid, conferenceName);
}

/** The hotline's own number, shown to whoever the platform rings for this hotline's calls. */
export async function callerIdOf(ctx: TRoutingContext, hotline: string): Promise<string> {
  return (await ctx.hotlineNumber(hotline).catch(() => null)) ?? hotline;
}

/**
 * Rings a counsellor into the call's conference where they answer (their own choice, or an
 * administrator's): their own mobile, whisper first (mobile-leg.ring), or the console softphone.
 * An accepted call and a warm transfer alike; the leg's status comes back as the counsellor's.
 */
export async function ringCounsellor(
  ctx: TRoutingContext,
  args: { userId: string; call: Pick<TAcceptedCall, 'callSid' | 'hotline'>; from: string },
): Promise<{ callSid: string }> {
  const { userId, call, from } = args;
  const target = await ctx.mobileLegs.answerTarget(userId);
  if (target.kind === 'mobile')
    return ringMobile(ctx, { userId, call, number: target.number, from });
  return ctx.telephony.addParticipant({
    conferenceName: conferenceFor(call.callSid),
    to: `client:${userId}`,
    from,
    label: 'counsellor',
    statusCallback: bridgeUrls(ctx.config.PUBLIC_BASE_URL, call.callSid, userId).counsellorStatus,
    beep: false,
    endConferenceOnExit: false,
  });
}

/**
 * Where to ring someone for a leg they asked for themselves (a call-back they place, a call they
 * listen to): straight to their own mobile when they answer there (no whisper), else the softphone.
 */
export async function directLegTarget(ctx: TRoutingContext, userId: string): Promise<string> {
  const target = await ctx.mobileLegs.answerTarget(userId);
  return target.kind === 'mobile' ? target.number : `client:${userId}`;
}

const NOT_YET_QUEUED_RETRIES = 6;
const NOT_YET_QUEUED_WAIT_MS = 250;

/**
 * The offer goes out as the caller enters our queue, while Twilio may still be running the
 * <Enqueue> we answered: a counsellor who accepts at once can reach Twilio's queue before the
 * caller does, and Twilio answers 404. That is retried for a moment (1.5 s) before the bridge
 * counts as failed; any other refusal fails it at once.
 */
async function dequeueOnceQueued(
  ctx: TRoutingContext,
  args: Parameters<TRoutingContext['telephony']['dequeueToUrl']>[0],
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.telephony.dequeueToUrl(args);
    } catch (err) {
      if (telephonyError(err).status !== 404 || attempt >= NOT_YET_QUEUED_RETRIES) throw err;
      await new Promise((r) => setTimeout(r, NOT_YET_QUEUED_WAIT_MS));
    }
  }
}

/** The telephony webhook that asks the caller the after-call question, in their language. */
export function afterCallUrl(base: string, to: { hotline: string; language: string }): string {
  const q = new URLSearchParams({ hotline: to.hotline, lang: to.language });
  return `${base.replace(/\/+$/, '')}/webhooks/twilio/voice/after-call?${q}`;
}

/** The telephony webhook that puts a caller back into the platform queue, keeping the place. */
export function requeueUrl(base: string, to: { hotline: string; language: string }): string {
  const q = new URLSearchParams({ hotline: to.hotline, lang: to.language });
  return `${base.replace(/\/+$/, '')}/webhooks/twilio/voice/requeue?${q}`;
}

async function counsellorMissed(ctx: TRoutingContext, userId: string, callSid: string) {
  const back = await ctx.offers.requeue(callSid);
  await ctx.presence.endCall({
    userId,
    callSid,
    outcome: 'missed',
    now: Date.now(),
    wrapUpMs: ctx.settings.wrapUpMs,
    maxConsecutiveTimeouts: ctx.settings.maxConsecutiveTimeouts,
  });
  ctx.events.record({ callSid, kind: 'routing.bridge-failed', payload: { userId } });
  if (back) ctx.notifier.queueChanged(back.hotline);
  ctx.notifier.ended(userId, callSid);
  await pushPresence(ctx, userId);
  void ctx.dispatcher.kick();
  return back;
}

/**
 * Status of the counsellor's leg: no answer puts the caller back in line (same place) by
 * sending them to the requeue TwiML; the counsellor leaving ends the call for them.
 */
export async function counsellorLegStatus(
  ctx: TRoutingContext,
  args: { userId: string; callSid: string; status: string },
): Promise<void> {
  if (MISSED.has(args.status)) {
    const back = await counsellorMissed(ctx, args.userId, args.callSid);
    if (back)
      await ctx.telephony.redirectCall({
        callSid: args.callSid,
        url: requeueUrl(ctx.config.PUBLIC_BASE_URL, back),
      });
    return;
  }
  if (args.status !== 'completed') return;
  // Still the caller's counsellor (not handed over): leaving ends the call for the caller too.
  const stillTheirs = (await ctx.offers.connectedTo(args.callSid)) === args.userId;
  await counsellorFinished(ctx, args.userId, args.callSid);
  if (stillTheirs) await ctx.telephony.hangupCall({ callSid: args.callSid });
}

/** The counsellor is done with this call: wrap-up starts (or they are free at once). */
export async function counsellorFinished(
  ctx: TRoutingContext,
  userId: string,
  callSid: string,
): Promise<void> {
  const ended = await ctx.presence.endCall({
    userId,
    callSid,
    outcome: 'completed',
    now: Date.now(),
    wrapUpMs: ctx.settings.wrapUpMs,
    maxConsecutiveTimeouts: ctx.settings.maxConsecutiveTimeouts,
  });
  if (!ended) return;
  ctx.events.record({ callSid, kind: 'routing.ended', payload: { userId } });
  ctx.notifier.ended(userId, callSid);
  ctx.notifier.presence(toView(ended.record));
  if (ended.state === 'available') void ctx.dispatcher.kick();
}
