import { hasRoomFor, type TCapacity } from './capacity.policy';
import type { TChannel } from './task';

/**
 * Who gets the next call: pure decisions, no I/O. The Redis scripts only make the chosen pairing
 * atomic; the choice itself is made here so it can be read and tested on its own.
 */
export type TRoutableCaller = {
  callSid: string;
  hotline: string;
  language: string;
  /** First enqueue time (ms). Relaxation counts from here, so a re-queued caller keeps it. */
  enqueuedAt: number;
  /** Queue order: first enqueue time minus the priority boost. */
  score: number;
  kind: 'inbound' | 'callback';
  /** Counsellors who let this caller's offer ring out: offered again only if nobody else fits. */
  missedBy?: readonly string[];
  /** The task's channel ('voice' when not given): the counsellor needs room for it. */
  channel?: TChannel;
};

export type TRoutableCounsellor = {
  userId: string;
  hotlines: readonly string[];
  languages: readonly string[];
  /** When the counsellor became available; the longest idle is offered first. */
  idleSince: number;
  /** Chats she holds now (an available counsellor holds no call). */
  chats?: number;
  /** Her capacity per channel (capacity.policy's default when not given). */
  capacity?: TCapacity;
};

export type TRoutingSettings = {
  /** After this wait any counsellor of the caller's hotline may take the call. */
  relaxLanguageAfterMs: number;
  /** After this wait a counsellor of another hotline who speaks the language may take it. */
  relaxHotlineAfterMs: number;
};

export type TMatchTier = 'exact' | 'any-language' | 'other-hotline';

export type TMatch = { userId: string; tier: TMatchTier };

function tiersFor(caller: TRoutableCaller, now: number, settings: TRoutingSettings): TMatchTier[] {
  const waited = now - caller.enqueuedAt;
  const tiers: TMatchTier[] = ['exact'];
  if (waited >= settings.relaxLanguageAfterMs) tiers.push('any-language');
  if (waited >= settings.relaxHotlineAfterMs) tiers.push('other-hotline');
  return tiers;
}

function fits(caller: TRoutableCaller, c: TRoutableCounsellor, tier: TMatchTier): boolean {
  if (!hasRoomFor({ chat: c.chats ?? 0 }, caller.channel ?? 'voice', c.capacity)) return false;
  const hotline = c.hotlines.includes(caller.hotline);
  const language = c.languages.includes(caller.language);
  if (tier === 'exact') return hotline && language;
  if (tier === 'any-language') return hotline;
  return language;
}

function longestIdleFirst(a: TRoutableCounsellor, b: TRoutableCounsellor): number {
  return a.idleSince - b.idleSince || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}

/**
 * The counsellor to offer this caller to: the required language on the caller's hotline first;
 * after `relaxLanguageAfterMs` anyone on the hotline; after `relaxHotlineAfterMs` anyone who
 * speaks the language on another hotline. Within a tier the longest idle counsellor wins;
 * whoever let the caller ring out comes last of all.
 */
export function selectCounsellor(
  caller: TRoutableCaller,
  available: readonly TRoutableCounsellor[],
  now: number,
  settings: TRoutingSettings,
): TMatch | null {
  return firstFit(caller, [...available].sort(longestIdleFirst), now, settings);
}

/**
 * The best fit across the tiers the wait allows, passing over whoever let this caller ring out:
 * they get the caller again only when nobody else can take the call now, so a caller never
 * waits through the same unanswered desk while a colleague is free.
 */
function firstFit(
  caller: TRoutableCaller,
  byIdle: readonly TRoutableCounsellor[],
  now: number,
  settings: TRoutingSettings,
): TMatch | null {
  const missed = new Set(caller.missedBy ?? []);
  const others = missed.size ? byIdle.filter((c) => !missed.has(c.userId)) : byIdle;
  return (
    bestInTiers(caller, others, now, settings) ??
    (missed.size ? bestInTiers(caller, byIdle, now, settings) : null)
  );
}

function bestInTiers(
  caller: TRoutableCaller,
  byIdle: readonly TRoutableCounsellor[],
  now: number,
  settings: TRoutingSettings,
): TMatch | null {
  for (const tier of tiersFor(caller, now, settings)) {
    const best = byIdle.find((c) => fits(caller, c, tier));
    if (best) return { userId: best.userId, tier };
  }
  return null;
}

export type TPlannedOffer = { callSid: string; userId: string; tier: TMatchTier };

/**
 * Pairs waiting callers with available counsellors in queue order (lowest score first, across
 * hotlines): each caller takes the best counsellor still free, so nobody is passed over by a
 * caller behind them who could be served by the same counsellor.
 */
export function planOffers(
  callers: readonly TRoutableCaller[],
  available: readonly TRoutableCounsellor[],
  now: number,
  settings: TRoutingSettings,
): TPlannedOffer[] {
  const ordered = [...callers].sort(
    (a, b) => a.score - b.score || (a.callSid < b.callSid ? -1 : 1),
  );
  const free = [...available].sort(longestIdleFirst);
  const plan: TPlannedOffer[] = [];
  for (const caller of ordered) {
    if (!free.length) break;
    const match = firstFit(caller, free, now, settings);
    if (!match) continue;
    plan.push({ callSid: caller.callSid, userId: match.userId, tier: match.tier });
    free.splice(
      free.findIndex((c) => c.userId === match.userId),
      1,
    );
  }
  return plan;
}
