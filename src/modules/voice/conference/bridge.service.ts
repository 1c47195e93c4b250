import type { TChannelConnector } from '../../routing/channel-connectors';
import { RoutingError } from '../../routing/routing.errors';
import type { TAcceptedTask } from '../../routing/task';
import { completeTask, taskMissed } from '../../routing/tasks.service';
import { twilioQueueName } from '../../telephony/twilio.provider';
import { telephonyError } from '../../telephony/telephony-error';
import type { TLiveCallContext } from './live-call.context';
import { ringMobile } from './mobile-leg.ring';

/** One conference per call: hold, transfer, interpreters and monitoring are participant changes. */
export function conferenceFor(callSid: string): string {
  return `call-${callSid}`;
}

/** Voice's part of routing: a counsellor accepted a call, so the call is bridged to them. */
export function voiceChannel(ctx: TLiveCallContext): TChannelConnector {
  return { accepted: (userId, task) => bridgeToCounsellor(ctx, userId, task) };
}

const MISSED = new Set(['no-answer', 'busy', 'failed', 'canceled']);

/**
 * Takes this caller out of the platform queue into the call's conference and rings the
 * counsellor's softphone (or mobile) into it. If the platform refuses, the caller goes back to
 * the same place in line and the counsellor is freed: a caller is never dropped by a failed bridge.
 */
export async function bridgeToCounsellor(
  ctx: TLiveCallContext,
  userId: string,
  call: TAcceptedTask,
): Promise<void> {
  const conferenceName = conferenceFor(call.callSid);
  const from = await callerIdOf(ctx, call.hotline);
  const [dequeued, leg] = await Promise.allSettled([
    call.kind === 'callback'
      ? Promise.resolve()
      : dequeueOnceQueued(ctx, {
          queueName: twilioQueueName(call.hotline),
          callSid: call.callSid,
          url: ctx.urls.bridgeCaller({ callSid: call.callSid, userId }),
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
    const back = await taskMissed(ctx, userId, call.callSid);
    // The caller already left the platform queue for the conference: send them back into it.
    if (dequeued.status === 'fulfilled' && back)
      await ctx.telephony
        .redirectCall({ callSid: call.callSid, url: ctx.urls.requeue(back) })
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
export async function callerIdOf(ctx: TLiveCallContext, hotline: string): Promise<string> {
  return (await ctx.hotlineNumber(hotline).catch(() => null)) ?? hotline;
}

/**
 * Rings a counsellor into the call's conference where they answer (their own choice, or an
 * administrator's): their own mobile, whisper first (mobile-leg.ring), or the console softphone.
 * An accepted call and a warm transfer alike; the leg's status comes back as the counsellor's.
 */
export async function ringCounsellor(
  ctx: TLiveCallContext,
  args: { userId: string; call: Pick<TAcceptedTask, 'callSid' | 'hotline'>; from: string },
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
    statusCallback: ctx.urls.conferenceParticipant({ callSid: call.callSid, userId }),
    beep: false,
    endConferenceOnExit: false,
  });
}

/**
 * Where to ring someone for a leg they asked for themselves (a call-back they place, a call they
 * listen to): straight to their own mobile when they answer there (no whisper), else the softphone.
 */
export async function directLegTarget(ctx: TLiveCallContext, userId: string): Promise<string> {
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
  ctx: TLiveCallContext,
  args: Parameters<TLiveCallContext['telephony']['dequeueToUrl']>[0],
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

/**
 * Status of the counsellor's leg: no answer puts the caller back in line (same place) by
 * sending them to the requeue TwiML; the counsellor leaving ends the call for them.
 */
export async function counsellorLegStatus(
  ctx: TLiveCallContext,
  args: { userId: string; callSid: string; status: string },
): Promise<void> {
  if (MISSED.has(args.status)) {
    const back = await taskMissed(ctx, args.userId, args.callSid);
    if (back)
      await ctx.telephony.redirectCall({ callSid: args.callSid, url: ctx.urls.requeue(back) });
    return;
  }
  if (args.status !== 'completed') return;
  // Still the caller's counsellor (not handed over): leaving ends the call for the caller too.
  const stillTheirs = (await ctx.offers.connectedTo(args.callSid)) === args.userId;
  await completeTask(ctx, args.userId, args.callSid);
  if (stillTheirs) await ctx.telephony.hangupCall({ callSid: args.callSid });
}
