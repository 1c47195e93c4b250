import type { TCallUpdate } from './calls/calls.repository';
import type { TConfig } from '../../config/config';
import type { TKeyring } from '../crypto/keyring';
import type {
  THotlineSettings,
  THotlineSettingsRepository,
} from '../hotlines/hotline-settings.repository';
import type { TWaitingQueue } from '../routing/waiting-queue.repository';
import { twilioCallbackUrls } from '../telephony/callback-urls';
import type { TCallLifecycle } from './call-lifecycle.events';
import type { TCallbackRequests, TVoiceRouting } from './voice-routing.port';
import type { TCallEvent, TCallsRepository } from './calls/calls.repository';
import type { TIvrContext, TIvrUrls } from './ivr-twiml.policy';
import type { TPendingWrite, TReconciliationBuffer } from './calls/reconciliation-buffer';
import { guard, type TGuarded } from '../../infra/store-guard';
import { redactTwilioParams } from '../telephony/twilio-params.policy';
import { twilioQueueName } from '../telephony/twilio.provider';

/** Everything the voice webhooks use; built once per API node in the composition root. */
export type TVoiceDeps = {
  config: Pick<
    TConfig,
    | 'PUBLIC_BASE_URL'
    | 'WEBHOOK_DEADLINE_MS'
    // The terms of the first offer, made in the queue entry's own Redis step.
    | 'ROUTING_OFFER_TIMEOUT_MS'
    | 'ROUTING_RELAX_LANGUAGE_AFTER_MS'
    | 'ROUTING_RELAX_HOTLINE_AFTER_MS'
  >;
  keyring: TKeyring;
  hotlines: THotlineSettingsRepository;
  calls: TCallsRepository;
  /** Routing's waiting queue: the Redis steps a webhook waits for (entry, position, leave). */
  queue: TWaitingQueue;
  routing: TVoiceRouting;
  callbacks: TCallbackRequests;
  /** What happened to each call, for observers (logs, tests); nothing routes from it. */
  events: TCallLifecycle;
  buffer: TReconciliationBuffer;
  urls: TIvrUrls;
  now: () => Date;
};

export type TTwilioParams = Record<string, string>;

/** Each store call gets a third of the webhook's deadline, so two slow stores still leave time for TwiML. */
export function storeTimeout(deps: TVoiceDeps): number {
  return Math.floor(deps.config.WEBHOOK_DEADLINE_MS / 3);
}

/** The IVR's own URLs (voice webhooks, prompts), from the telephony adapter's one builder. */
export function ivrUrls(publicBaseUrl: string): TIvrUrls {
  const urls = twilioCallbackUrls(publicBaseUrl);
  return { voice: urls.voice, prompt: urls.prompt };
}

/** Used when Postgres never answered for this hotline since start: Lao only, open, voicemail. */
function unknownHotline(number: string): THotlineSettings {
  return {
    number,
    phoneNumber: '',
    languages: ['lo'],
    defaultLanguage: 'lo',
    openingHours: {
      weekly: Object.fromEntries(
        ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]]),
      ),
      holidays: [],
    },
    afterHours: 'voicemail',
    dutyMobile: null,
    recordingNotice: false,
    afterCallQuestion: false,
    active: true,
  };
}

/*
 * One IVR context per settings object: the settings cache hands out a new object when a hotline
 * changes, so a context (and the TwiML built from it) never outlives the settings it was made of.
 */
const contexts = new WeakMap<TIvrUrls, WeakMap<THotlineSettings, TIvrContext>>();

function contextOf(deps: TVoiceDeps, hotline: THotlineSettings): TIvrContext {
  let byHotline = contexts.get(deps.urls);
  if (!byHotline) contexts.set(deps.urls, (byHotline = new WeakMap()));
  let ctx = byHotline.get(hotline);
  if (!ctx) {
    ctx = { hotline, urls: deps.urls, queueName: twilioQueueName(hotline.number) };
    byHotline.set(hotline, ctx);
  }
  return ctx;
}

/** Fresh settings, or the last-known copy when Postgres is down or slow. */
export async function resolveHotline(
  deps: TVoiceDeps,
  number: string,
): Promise<{ ctx: TIvrContext; storeOk: boolean }> {
  // The cached copy needs no store call, so no time limit (a timer and a race per webhook).
  const cached = deps.hotlines.cached(number);
  if (cached) return { ctx: contextOf(deps, cached), storeOk: true };
  const fresh = await guard(() => deps.hotlines.get(number), storeTimeout(deps));
  const hotline =
    (fresh.ok ? fresh.value : null) ?? deps.hotlines.lastKnown(number) ?? unknownHotline(number);
  return { ctx: contextOf(deps, hotline), storeOk: fresh.ok };
}

/** Fallback context from memory only (Twilio's fallback URL: assume the stores are in trouble). */
export function rememberedHotline(deps: TVoiceDeps, number: string): TIvrContext {
  const hotline = deps.hotlines.lastKnown(number) ?? unknownHotline(number);
  return contextOf(deps, hotline);
}

/** What a voice webhook knows once its prelude ran: whose call, on which hotline. */
export type TWebhookCall = { callSid: string; ctx: TIvrContext };

/**
 * The prelude of the voice webhooks: the call's SID, its hotline (fresh settings or the
 * last-known copy) and, when `kind` names it, the raw event recorded (`logged`: the params as
 * they may be kept, e.g. without a keyed number). The settings read and the event write do not
 * depend on each other, so they run at once; neither can fail the caller (both are guarded).
 */
export async function webhookCall(
  deps: TVoiceDeps,
  hotlineNumber: string,
  params: TTwilioParams,
  kind: string | null,
  logged: TTwilioParams = params,
): Promise<TWebhookCall> {
  const callSid = params.CallSid ?? '';
  const [{ ctx }] = await Promise.all([
    resolveHotline(deps, hotlineNumber),
    kind === null ? undefined : logEvent(deps, callSid, kind, logged),
  ]);
  return { callSid, ctx };
}

/** Runs a write; if the store is down it goes to the reconciliation buffer instead. */
export async function write(
  deps: TVoiceDeps,
  callSid: string,
  work: () => Promise<unknown>,
  later: TPendingWrite,
): Promise<boolean> {
  return (await writeReturning(deps, callSid, work, later)).ok;
}

/** Updates the call's row, or keeps the update for the reconciler while Postgres is away. */
export function updateCallRow(
  deps: TVoiceDeps,
  callSid: string,
  update: TCallUpdate,
): Promise<boolean> {
  return write(deps, callSid, () => deps.calls.updateCall(callSid, update), {
    type: 'update',
    update,
  });
}

/** `write` that also hands back what the store answered (e.g. the row a conditional update hit). */
export async function writeReturning<T>(
  deps: TVoiceDeps,
  callSid: string,
  work: () => Promise<T>,
  later: TPendingWrite,
): Promise<TGuarded<T>> {
  // Once a call has writes waiting, later ones wait too, so they replay in order.
  if (
    later.type !== 'queue-add' &&
    later.type !== 'queue-remove' &&
    deps.buffer.waitingForPostgres(callSid)
  ) {
    deps.buffer.add(callSid, later);
    return { ok: false };
  }
  const result = await guard(work, storeTimeout(deps));
  if (!result.ok) deps.buffer.add(callSid, later);
  return result;
}

export function rawEvent(
  callSid: string,
  kind: string,
  params: TTwilioParams,
  receivedAt: Date,
): TCallEvent {
  const seq = params.SequenceNumber === undefined ? null : Number(params.SequenceNumber);
  return {
    callSid,
    kind,
    callStatus: params.CallStatus ?? null,
    sequenceNumber: seq !== null && Number.isInteger(seq) ? seq : null,
    payload: redactTwilioParams(params),
    receivedAt,
  };
}

export async function logEvent(
  deps: TVoiceDeps,
  callSid: string,
  kind: string,
  params: TTwilioParams,
): Promise<void> {
  const event = rawEvent(callSid, kind, params, deps.now());
  await write(deps, callSid, () => deps.calls.addEvent(event), { type: 'event', event });
}
