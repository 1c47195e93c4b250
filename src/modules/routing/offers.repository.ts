import type { Redis } from 'ioredis';
import { runLua } from './lua-script';
import {
  acceptScript,
  candidatesScript,
  handOverScript,
  prioritiseScript,
  offerNewcomerScript,
  callEndedScript,
  releaseScript,
  requeueScript,
  reserveScript,
} from './routing.scripts';
import { isChannel, type TAcceptedTask, type TChannel } from './task';
import type {
  TMatchTier,
  TPlannedOffer,
  TRoutableCaller,
  TRoutableCounsellor,
  TRoutingSettings,
} from './routing.policy';
import { routingKeyspace } from './routing.keys';

export type TReleaseReason = 'reject' | 'timeout' | 'disconnect';

/** A task as accept returns it (see task.ts). */
export type TAcceptedCall = TAcceptedTask;

/** The newcomer's offer made in one step, or why not: nobody fits now, or a round must decide. */
export type TNewcomerOffer =
  | {
      kind: 'offered';
      userId: string;
      tier: TMatchTier;
      caller: TOfferedCaller;
      counsellor: string[];
    }
  | { kind: 'none' }
  | { kind: 'round' };

/** The task an offer is made for, as dispatch announces it: its channel always known. */
export type TOfferedCaller = Omit<TRoutableCaller, 'score' | 'channel'> & { channel: TChannel };

/** What offerNewcomerScript (or enqueueAndOfferScript) answers. */
export type TNewcomerReply = Array<string | string[]>;

export function newcomerOffer(callSid: string, r: TNewcomerReply): TNewcomerOffer {
  if (r[0] === 'ROUND') return { kind: 'round' };
  if (r[0] !== 'OK') return { kind: 'none' };
  const row = r as [string, string, TMatchTier, string, string, string, string, string[], string];
  return {
    kind: 'offered',
    userId: row[1],
    tier: row[2],
    caller: {
      callSid,
      hotline: row[3],
      language: row[4],
      enqueuedAt: Number(row[5]),
      kind: row[6] === 'callback' ? 'callback' : 'inbound',
      channel: isChannel(row[8]) ? row[8] : 'voice',
    },
    counsellor: row[7],
  };
}

/** An offer taken back because its caller left. */
export type TWithdrawnOffer = { offerId: string; userId: string };

/** leaveCaller's reply ({state, offerId, userId} when an offer was withdrawn) from `from` on. */
export function withdrawnIn(r: readonly string[], from: number): TWithdrawnOffer | null {
  if (r.length < from + 3) return null;
  return { offerId: at(r, from + 1), userId: at(r, from + 2) };
}

export type TReleased = { callSid: string; userId: string; counsellorState: string };

export type TOffersRepository = ReturnType<typeof offersRepository>;

const csv = (v: string) => (v ? v.split(',') : []);
const at = (row: readonly string[], i: number) => row[i] ?? '';

/** The atomic offer steps (routing.scripts.ts) and the reads dispatch needs. */
export function offersRepository(redis: Redis, deploymentPrefix: string) {
  const prefix = routingKeyspace(deploymentPrefix);
  return {
    async candidates(): Promise<{
      counsellors: TRoutableCounsellor[];
      callers: Array<TRoutableCaller & { channel: TChannel }>;
    }> {
      const [agents, callers] = (await runLua(redis, candidatesScript, [], [prefix])) as [
        string[],
        string[],
      ];
      const counsellors: TRoutableCounsellor[] = [];
      for (let i = 0; i < agents.length; i += 8) {
        counsellors.push({
          userId: at(agents, i),
          idleSince: Number(agents[i + 1]),
          hotlines: csv(at(agents, i + 2)),
          languages: csv(at(agents, i + 3)),
          chats: Number(agents[i + 4] ?? 0),
          capacity: {
            voice: Number(agents[i + 5] ?? 1),
            chat: Number(agents[i + 6] ?? 3),
            callsWhileChatting: agents[i + 7] === '1',
          },
        });
      }
      const waiting: Array<TRoutableCaller & { channel: TChannel }> = [];
      for (let i = 0; i < callers.length; i += 8) {
        waiting.push({
          callSid: at(callers, i),
          score: Number(callers[i + 1]),
          hotline: at(callers, i + 2),
          language: at(callers, i + 3),
          enqueuedAt: Number(callers[i + 4]),
          kind: callers[i + 5] === 'callback' ? 'callback' : 'inbound',
          missedBy: csv(at(callers, i + 6)),
          channel: callers[i + 7] === 'chat' ? 'chat' : 'voice',
        });
      }
      return { counsellors, callers: waiting };
    },

    /**
     * Reserves every planned pair that is still free; returns the offers actually made, each
     * with its counsellor's hash as it is now (offered), so nobody reads it again to tell
     * supervisors.
     */
    async reserve(
      plan: ReadonlyArray<TPlannedOffer & { offerId: string }>,
      expiresAt: number,
    ): Promise<Map<string, string[]>> {
      const made = new Map<string, string[]>();
      if (!plan.length) return made;
      const args: Array<string | number> = [prefix, Date.now(), expiresAt];
      for (const p of plan) args.push(p.callSid, p.userId, p.offerId);
      const r = (await runLua(redis, reserveScript, [], args)) as Array<string | string[]>;
      for (let i = 0; i + 1 < r.length; i += 2) made.set(String(r[i]), r[i + 1] as string[]);
      return made;
    },

    /** See offerNewcomerScript: the caller who just queued, when nobody else is ready. */
    async offerNewcomer(
      callSid: string,
      offer: { offerId: string; now: number; expiresAt: number },
      settings: TRoutingSettings,
    ): Promise<TNewcomerOffer> {
      const r = (await runLua(
        redis,
        offerNewcomerScript,
        [],
        [
          prefix,
          callSid,
          offer.now,
          offer.expiresAt,
          offer.offerId,
          settings.relaxLanguageAfterMs,
          settings.relaxHotlineAfterMs,
        ],
      )) as TNewcomerReply;
      return newcomerOffer(callSid, r);
    },

    /** The accepted call, and the counsellor's hash as the accept left it (on_call). */
    async accept(
      userId: string,
      offerId: string,
      now: number,
    ): Promise<(TAcceptedCall & { counsellor: string[] }) | null> {
      const r = (await runLua(redis, acceptScript, [], [prefix, userId, offerId, now])) as Array<
        string | string[]
      >;
      if (r[0] !== 'OK') return null;
      const row = r as [string, string, string, string, string, string, string[], string];
      return {
        callSid: row[1],
        channel: isChannel(row[7]) ? row[7] : 'voice',
        hotline: row[2],
        language: row[3],
        enqueuedAt: Number(row[4]),
        kind: row[5] === 'callback' ? 'callback' : 'inbound',
        counsellor: row[6],
      };
    },

    async release(
      offerId: string,
      reason: TReleaseReason,
      now: number,
      maxConsecutiveTimeouts: number,
    ): Promise<TReleased | null> {
      const r = (await runLua(
        redis,
        releaseScript,
        [],
        [prefix, offerId, reason, now, maxConsecutiveTimeouts],
      )) as string[] | null;
      if (!r) return null;
      return { callSid: at(r, 0), userId: at(r, 1), counsellorState: at(r, 2) };
    },

    /** `by`: the counsellor who handed it back, passed over while anyone else fits. */
    async requeue(
      callSid: string,
      to: { hotline?: string; language?: string } = {},
      by = '',
    ): Promise<{ hotline: string; language: string } | null> {
      const r = (await runLua(
        redis,
        requeueScript,
        [],
        [prefix, callSid, to.hotline ?? '', to.language ?? '', by],
      )) as string[] | null;
      return r ? { hotline: at(r, 0), language: at(r, 1) } : null;
    },

    async prioritise(callSid: string, boostMs: number): Promise<boolean> {
      return (await runLua(redis, prioritiseScript, [], [prefix, callSid, boostMs])) !== null;
    },

    async dueOffers(now: number): Promise<string[]> {
      return redis.zrangebyscore(`${prefix}:offers`, '-inf', now, 'LIMIT', 0, 500);
    },

    // The offer hash's `callSid` field (and the counsellor hash's) holds the task id, a call's SID
    // or a chat's id: the name is kept so that nodes of two versions share the same Redis state.
    async offerOf(offerId: string): Promise<{ callSid: string; userId: string } | null> {
      const [callSid, userId] = await redis.hmget(
        `${prefix}:offer:${offerId}`,
        'callSid',
        'userId',
      );
      return callSid && userId ? { callSid, userId } : null;
    },

    async callerInfo(callSid: string): Promise<Omit<TAcceptedCall, 'callSid'> | null> {
      const [hotline, language, enqueuedAt, kind, channel] = await redis.hmget(
        `${prefix}:caller:${callSid}`,
        'hotline',
        'language',
        'enqueuedAt',
        'kind',
        'channel',
      );
      if (!hotline || !language) return null;
      return {
        channel: isChannel(channel) ? channel : 'voice',
        hotline,
        language,
        enqueuedAt: Number(enqueuedAt ?? 0),
        kind: kind === 'callback' ? 'callback' : 'inbound',
      };
    },

    /** Who the caller is connected to (after an accept), for call control and hang-up. */
    async connectedTo(callSid: string): Promise<string | null> {
      return redis.hget(`${prefix}:caller:${callSid}`, 'connectedTo');
    },

    /** See callEndedScript: who had the call, and the offer withdrawn for it, if any. */
    async callEnded(callSid: string): Promise<{
      counsellor: string | null;
      hotline: string | null;
      withdrawn: TWithdrawnOffer | null;
    }> {
      const r = (await runLua(redis, callEndedScript, [], [prefix, callSid])) as string[];
      return { counsellor: r[0] || null, hotline: r[1] || null, withdrawn: withdrawnIn(r, 2) };
    },

    async handOver(callSid: string, fromUserId: string, toUserId: string): Promise<boolean> {
      const r = await runLua(redis, handOverScript, [], [prefix, callSid, fromUserId, toUserId]);
      return r === 1;
    },

    async setCounsellorLeg(callSid: string, legSid: string): Promise<void> {
      await redis.hset(`${prefix}:caller:${callSid}`, 'counsellorLeg', legSid);
    },

    async counsellorLeg(callSid: string): Promise<string | null> {
      return redis.hget(`${prefix}:caller:${callSid}`, 'counsellorLeg');
    },

    async callerHotline(callSid: string): Promise<string | null> {
      return redis.hget(`${prefix}:caller:${callSid}`, 'hotline');
    },
  };
}
