import { randomBytes } from 'node:crypto';
import { recordFromFlat, toView, type TPresenceRepository } from '../presence/presence.repository';
import type { TOffersRepository } from './offers.repository';
import { planOffers, type TRoutingSettings } from './routing.policy';
import type { TRoutingNotifier } from './routing.notifier';
import type { TRoutingEventLog } from './routing-events.repository';

export type TDispatcher = { kick(): Promise<void>; idle(): Promise<void> };

const MAX_ROUNDS_PER_KICK = 5;

export function newOfferId(): string {
  return `of_${randomBytes(12).toString('base64url')}`;
}

/**
 * Turns waiting callers and free counsellors into offers. Kicks coalesce: while a round runs,
 * further kicks only ask for one more round, so a surge of callers costs a few Redis round trips
 * rather than one per caller. Several nodes may dispatch at once: the reserve script settles it.
 */
export function createDispatcher(deps: {
  offers: TOffersRepository;
  /** Not read during a round any more (reserve returns the records); kept for the wiring. */
  presence?: TPresenceRepository;
  settings: TRoutingSettings & { offerTimeoutMs: number };
  notifier: TRoutingNotifier;
  events: TRoutingEventLog;
  onError: (err: unknown) => void;
}): TDispatcher {
  let running: Promise<void> | null = null;
  let requested = false;

  async function round(): Promise<boolean> {
    const { counsellors, callers } = await deps.offers.candidates();
    if (!counsellors.length || !callers.length) return false;
    const now = Date.now();
    const plan = planOffers(callers, counsellors, now, deps.settings).map((p) => ({
      ...p,
      offerId: newOfferId(),
    }));
    if (!plan.length) return false;
    const expiresAt = now + deps.settings.offerTimeoutMs;
    const made = await deps.offers.reserve(plan, expiresAt);
    const byCall = new Map(callers.map((c) => [c.callSid, c]));
    const hotlines = new Set<string>();
    for (const p of plan) {
      const caller = byCall.get(p.callSid);
      const counsellor = made.get(p.offerId);
      if (!counsellor || !caller) continue;
      hotlines.add(caller.hotline);
      deps.notifier.offered(p.userId, {
        offerId: p.offerId,
        callSid: p.callSid,
        hotline: caller.hotline,
        language: caller.language,
        kind: caller.kind,
        enqueuedAt: caller.enqueuedAt,
        expiresAt,
      });
      deps.events.record({
        callSid: p.callSid,
        kind: 'routing.offered',
        payload: { offerId: p.offerId, userId: p.userId, tier: p.tier, hotline: caller.hotline },
      });
      // Supervisors see who is being offered a call: the reserve step returned the record.
      deps.notifier.presence(toView(recordFromFlat(p.userId, counsellor)));
    }
    for (const h of hotlines) deps.notifier.queueChanged(h);
    // Someone else took part of the plan: the picture changed, look again.
    return made.size < plan.length;
  }

  async function loop(): Promise<void> {
    let retry = false;
    for (let rounds = 0; (requested || retry) && rounds < MAX_ROUNDS_PER_KICK; rounds++) {
      requested = false;
      try {
        retry = await round();
      } catch (err) {
        deps.onError(err);
        return;
      }
    }
  }

  function kick(): Promise<void> {
    requested = true;
    running ??= loop().finally(() => {
      running = null;
      if (requested) void kick();
    });
    return running;
  }

  return {
    kick,
    async idle() {
      while (running) await running;
    },
  };
}
