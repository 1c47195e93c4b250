import { recordFromFlat, toView } from './presence/presence.repository';
import { newOfferId } from './offer-id';
import type { TNewcomerOffer, TOfferedCaller, TOffersRepository } from './offers.repository';
import type { TNewcomerTerms } from './waiting-queue.repository';
import { planOffers, type TMatchTier, type TRoutingSettings } from './routing.policy';
import type { TRoutingNotifier } from './routing.notifier';
import type { TRoutingEventLog } from './routing-events.repository';

export type TDispatcher = {
  kick(): Promise<void>;
  /** A caller just queued: offered in one Redis step when nobody else is ready, else a round. */
  newcomer(callSid: string): Promise<void>;
  /** The same, when the caller's queue entry already tried the offer (enqueueAndOfferScript). */
  settleNewcomer(made: TNewcomerOffer, terms: TOfferTerms): Promise<void>;
  idle(): Promise<void>;
};

/** The offer a newcomer step may have made: its id and when it runs out. */
type TOfferTerms = Pick<TNewcomerTerms, 'offerId' | 'expiresAt'>;

const MAX_ROUNDS_PER_KICK = 5;

/**
 * Turns waiting callers and free counsellors into offers. Kicks coalesce: while a round runs,
 * further kicks only ask for one more round, so a surge of callers costs a few Redis round trips
 * rather than one per caller. Several nodes may dispatch at once: the reserve script settles it.
 */
export function createDispatcher(deps: {
  offers: TOffersRepository;
  settings: TRoutingSettings & { offerTimeoutMs: number };
  notifier: TRoutingNotifier;
  events: TRoutingEventLog;
  onError: (err: unknown) => void;
}): TDispatcher {
  let running: Promise<void> | null = null;
  let requested = false;

  /** The counsellor hears of the offer; supervisors see them offered (record from the script). */
  function announce(
    offer: { offerId: string; userId: string; tier: TMatchTier; expiresAt: number },
    caller: TOfferedCaller,
    counsellor: readonly string[],
  ): void {
    deps.notifier.offered(offer.userId, {
      offerId: offer.offerId,
      taskId: caller.callSid,
      channel: caller.channel,
      hotline: caller.hotline,
      language: caller.language,
      kind: caller.kind,
      enqueuedAt: caller.enqueuedAt,
      expiresAt: offer.expiresAt,
    });
    deps.events.record({
      callSid: caller.callSid,
      kind: 'routing.offered',
      payload: {
        offerId: offer.offerId,
        userId: offer.userId,
        tier: offer.tier,
        hotline: caller.hotline,
      },
    });
    deps.notifier.presence(toView(recordFromFlat(offer.userId, counsellor)));
  }

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
      announce({ ...p, expiresAt }, caller, counsellor);
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

  async function newcomer(callSid: string): Promise<void> {
    const now = Date.now();
    const terms = { offerId: newOfferId(), now, expiresAt: now + deps.settings.offerTimeoutMs };
    let made;
    try {
      made = await deps.offers.offerNewcomer(callSid, terms, deps.settings);
    } catch (err) {
      deps.onError(err);
      return kick();
    }
    return settleNewcomer(made, terms);
  }

  async function settleNewcomer(made: TNewcomerOffer, terms: TOfferTerms): Promise<void> {
    if (made.kind === 'round') return kick();
    if (made.kind === 'none') return;
    announce(
      { offerId: terms.offerId, userId: made.userId, tier: made.tier, expiresAt: terms.expiresAt },
      made.caller,
      made.counsellor,
    );
    deps.notifier.queueChanged(made.caller.hotline);
  }

  return {
    kick,
    newcomer,
    settleNewcomer,
    async idle() {
      while (running) await running;
    },
  };
}
