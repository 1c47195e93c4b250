import type { Redis } from 'ioredis';
import type { TConfig } from '../../config/config';
import type { TChannel } from './task';
import { runLua } from './lua-script';
import { newOfferId } from './offer-id';
import {
  newcomerOffer,
  withdrawnIn,
  type TNewcomerOffer,
  type TNewcomerReply,
  type TWithdrawnOffer,
} from './offers.repository';
import {
  enqueueAndOfferScript,
  enqueueScript,
  keepPlaceScript,
  leaveOrMarkGoneScript,
  leaveScript,
  moveSafeTimesScript,
} from './routing.scripts';
import { routingKeyspace } from './routing.keys';

/**
 * A task waiting for a counsellor, as the queue stores it (`callSid` is the task's id; see
 * task.ts). Redis owns the order; the channel (for a call, the telephony platform) only holds
 * the caller. No personal data here: the id is the only identifier.
 */
export type TWaitingCaller = {
  callSid: string;
  /** 'voice' when not given. */
  channel?: TChannel;
  hotline: string;
  language: string;
  /** First time this caller entered the queue (ms since epoch); never changes on re-queue. */
  enqueuedAt: number;
  /** Milliseconds moved forward in the queue (child caller, imminent danger). */
  priorityBoostMs: number;
};

export type TWaitingQueue = ReturnType<typeof waitingQueue>;

/** The offer a new caller may get in the very step that queues them. */
export type TNewcomerTerms = {
  offerId: string;
  now: number;
  expiresAt: number;
  relaxLanguageAfterMs: number;
  relaxHotlineAfterMs: number;
};

export function newcomerTerms(
  config: Pick<
    TConfig,
    | 'ROUTING_OFFER_TIMEOUT_MS'
    | 'ROUTING_RELAX_LANGUAGE_AFTER_MS'
    | 'ROUTING_RELAX_HOTLINE_AFTER_MS'
  >,
  now: number,
): TNewcomerTerms {
  return {
    offerId: newOfferId(),
    now,
    expiresAt: now + config.ROUTING_OFFER_TIMEOUT_MS,
    relaxLanguageAfterMs: config.ROUTING_RELAX_LANGUAGE_AFTER_MS,
    relaxHotlineAfterMs: config.ROUTING_RELAX_HOTLINE_AFTER_MS,
  };
}

/** A caller's entry: refused (they hung up first), or queued with what the offer step did. */
export type TQueueEntry =
  { state: 'gone' } | { state: 'queued'; terms: TNewcomerTerms; offer: TNewcomerOffer };

/** Long enough for any webhook still in flight for the call (Twilio gives up after 15 s). */
const GONE_MARK_S = 600;

/** One sorted set per hotline scored by first enqueue time minus the priority boost. */
export function waitingQueue(redis: Redis, deploymentPrefix: string) {
  const prefix = routingKeyspace(deploymentPrefix);
  const queueKey = (hotline: string) => `${prefix}:queue:${hotline}`;
  const callerKey = (callSid: string) => `${prefix}:caller:${callSid}`;

  /** The enqueue script's arguments (enqueueAndOfferScript takes the offer's after them). */
  const entryArgs = (caller: TWaitingCaller, kind: 'inbound' | 'callback') => [
    prefix,
    caller.callSid,
    caller.hotline,
    caller.language,
    caller.enqueuedAt,
    caller.priorityBoostMs,
    kind,
  ];
  const channelOf = (caller: TWaitingCaller): TChannel => caller.channel ?? 'voice';

  return {
    queueKey,
    callerKey,

    /**
     * Idempotent: a caller already queued (or re-queued after a missed offer) keeps their place,
     * and a caller who is under offer or being bridged is not offered a second time.
     */
    async add(
      caller: TWaitingCaller,
      kind: 'inbound' | 'callback' = 'inbound',
    ): Promise<'queued' | 'gone'> {
      const state = await runLua(
        redis,
        enqueueScript,
        [],
        [...entryArgs(caller, kind), channelOf(caller)],
      );
      return state === 'gone' ? 'gone' : 'queued';
    },

    /**
     * `add`, and in the same Redis step the newcomer's offer (see enqueueAndOfferScript): the
     * channel then hands the entry to `taskQueued`, which announces the offer without a second
     * call to Redis.
     */
    async enter(caller: TWaitingCaller, terms: TNewcomerTerms): Promise<TQueueEntry> {
      const r = (await runLua(
        redis,
        enqueueAndOfferScript,
        [],
        [
          ...entryArgs(caller, 'inbound'),
          terms.now,
          terms.expiresAt,
          terms.offerId,
          terms.relaxLanguageAfterMs,
          terms.relaxHotlineAfterMs,
          channelOf(caller),
        ],
      )) as TNewcomerReply;
      if (r[0] === 'GONE') return { state: 'gone' };
      return { state: 'queued', terms, offer: newcomerOffer(caller.callSid, r) };
    },

    /** The caller left the queue; an offer made to a counsellor for them is withdrawn. */
    async remove(callSid: string, hotline: string): Promise<void> {
      await runLua(redis, leaveScript, [], [prefix, callSid, hotline]);
    },

    /**
     * The call is over: out of the queue ('left', with the offer that was withdrawn for them), or,
     * not in it, marked so that an entry still on its way is refused ('absent'). One atomic step
     * (leaveOrMarkGoneScript).
     */
    async leaveOrMarkGone(
      callSid: string,
      hotline: string,
    ): Promise<{ state: 'left'; withdrawn: TWithdrawnOffer | null } | { state: 'absent' }> {
      const r = (await runLua(
        redis,
        leaveOrMarkGoneScript,
        [],
        [prefix, callSid, hotline, GONE_MARK_S],
      )) as string[] | 'absent';
      if (r === 'absent') return { state: 'absent' };
      return { state: 'left', withdrawn: withdrawnIn(r, 1) };
    },

    /**
     * A waiting caller becomes a call-back task at the very same place (keepPlaceScript), held
     * outside the caller's safe time. 'not-waiting' when the caller is being connected or gone.
     */
    async keepPlace(args: {
      callSid: string;
      taskId: string;
      safeFrom: number | null;
      safeUntil: number | null;
      now: number;
    }): Promise<
      | { state: 'kept'; hotline: string; score: number; withdrawn: TWithdrawnOffer | null }
      | { state: 'not-waiting' }
    > {
      const r = (await runLua(
        redis,
        keepPlaceScript,
        [],
        [prefix, args.callSid, args.taskId, args.safeFrom ?? '', args.safeUntil ?? '', args.now],
      )) as string[];
      if (r[0] !== 'OK') return { state: 'not-waiting' };
      return {
        state: 'kept',
        hotline: r[1] ?? '',
        score: Number(r[3]),
        withdrawn: r[4] ? { offerId: r[4], userId: r[5] ?? '' } : null,
      };
    },

    /**
     * A call-back's safe time moved on (moveSafeTimesScript): held until it begins, at its place.
     * Its state after, or 'absent' when routing no longer holds it.
     */
    async moveSafeTimes(args: {
      taskId: string;
      safeFrom: number;
      safeUntil: number;
      now: number;
    }): Promise<string> {
      return (await runLua(
        redis,
        moveSafeTimesScript,
        [],
        [prefix, args.taskId, args.safeFrom, args.safeUntil, args.now],
      )) as string;
    },

    /** The task's place in line as a score (first enqueue time minus boost), or null. */
    async score(callSid: string, hotline: string): Promise<number | null> {
      const score = await redis.zscore(queueKey(hotline), callSid);
      return score === null ? null : Number(score);
    },

    /** 1-based place in the hotline's queue, or null when not waiting. */
    async position(callSid: string, hotline: string): Promise<number | null> {
      const rank = await redis.zrank(queueKey(hotline), callSid);
      return rank === null ? null : rank + 1;
    },

    async size(hotline: string): Promise<number> {
      return redis.zcard(queueKey(hotline));
    },

    /** Waiting callers of a hotline in queue order. */
    async list(hotline: string): Promise<TWaitingCaller[]> {
      const sids = await redis.zrange(queueKey(hotline), '0', '-1');
      if (!sids.length) return [];
      const pipeline = redis.pipeline();
      for (const sid of sids) pipeline.hgetall(callerKey(sid));
      const rows = (await pipeline.exec()) ?? [];
      return sids.map((callSid, i) => {
        const h = (rows[i]?.[1] ?? {}) as Record<string, string>;
        return {
          callSid,
          hotline: h.hotline ?? hotline,
          language: h.language ?? 'lo',
          enqueuedAt: Number(h.enqueuedAt ?? 0),
          priorityBoostMs: Number(h.priorityBoostMs ?? 0),
        };
      });
    },
  };
}
