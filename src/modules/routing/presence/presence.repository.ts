import type { Redis } from 'ioredis';
import {
  counsellorStates,
  type TCounsellorState,
  type TCounsellorView,
} from '../../../contracts/realtime';
import type { TCapacity } from '../capacity.policy';
import { runLua } from '../lua-script';
import {
  claimForCallScript,
  endCallScript,
  endWrapUpScript,
  heartbeatScript,
  setCapacityScript,
  setPresenceScript,
} from './presence.scripts';
import { releasesOnDisconnect, selfServiceStates, type TPresenceTarget } from './presence.policy';
import { routingKeyspace } from '../routing.keys';

/** States a crashed node's counsellor must not be left in (csv, for heartbeatScript). */
const RELEASING_STATES = counsellorStates.filter((s) => releasesOnDisconnect(s) !== null).join(',');

export type TPresenceRepository = ReturnType<typeof presenceRepository>;

export type TAgentRecord = TCounsellorView & {
  offerId: string | null;
  offerCallSid: string | null;
  offerExpiresAt: number | null;
  seenAt: number | null;
};

const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
const csv = (v: string | undefined) => (v ? v.split(',') : []);

function toRecord(userId: string, h: Record<string, string>): TAgentRecord {
  const state = (counsellorStates as readonly string[]).includes(h.state ?? '')
    ? (h.state as TCounsellorState)
    : 'offline';
  return {
    userId,
    state,
    reason: h.reason ?? null,
    hotlines: csv(h.hotlines),
    languages: csv(h.languages),
    idleSince: state === 'available' ? num(h.idleSince) : null,
    // The hash field keeps its old name (`callSid`): it holds the task id, a call's SID or a chat's id.
    taskId: h.callSid ?? null,
    wrapUpUntil: num(h.wrapUntil),
    rejects: Number(h.rejects ?? 0),
    timeouts: Number(h.timeouts ?? 0),
    consecutiveTimeouts: Number(h.consecutiveTimeouts ?? 0),
    offerId: h.offerId ?? null,
    offerCallSid: h.offerCallSid ?? null,
    offerExpiresAt: num(h.offerExpiresAt),
    seenAt: num(h.seenAt),
    ...(Number(h.chats ?? 0) > 0 && { chats: Number(h.chats) }),
  };
}

/** A counsellor's hash as a Lua script returns it (HGETALL: field, value, field, value…). */
export function recordFromFlat(userId: string, flat: readonly string[]): TAgentRecord {
  const h: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) h[flat[i] as string] = flat[i + 1] as string;
  return toRecord(userId, h);
}

export function toView(record: TAgentRecord): TCounsellorView {
  const { offerId: _o, offerCallSid: _c, offerExpiresAt: _e, seenAt: _s, ...view } = record;
  return view;
}

/** Counsellor presence in Redis (shared by every API node): state, skills, counters. */
export function presenceRepository(redis: Redis, deploymentPrefix: string) {
  const prefix = routingKeyspace(deploymentPrefix);
  const agentKey = (userId: string) => `${prefix}:agent:${userId}`;

  return {
    async get(userId: string): Promise<TAgentRecord | null> {
      const h = await redis.hgetall(agentKey(userId));
      return Object.keys(h).length ? toRecord(userId, h) : null;
    },

    async list(filter?: (r: TAgentRecord) => boolean): Promise<TAgentRecord[]> {
      const ids = await redis.smembers(`${prefix}:agents`);
      if (!ids.length) return [];
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(agentKey(id));
      const rows = (await pipeline.exec()) ?? [];
      return ids
        .map((id, i) => toRecord(id, (rows[i]?.[1] ?? {}) as Record<string, string>))
        .filter((r) => !filter || filter(r));
    },

    /** Returns the new state, or null when the current state does not allow the change. */
    async set(args: {
      userId: string;
      target: TPresenceTarget;
      reason?: string;
      hotlines: readonly string[];
      languages: readonly string[];
      now: number;
      allowed?: readonly TCounsellorState[];
      /** Her capacity per channel; kept as it was when not given. */
      capacity?: TCapacity;
    }): Promise<TCounsellorState | null> {
      const cap = args.capacity;
      const r = (await runLua(
        redis,
        setPresenceScript,
        [],
        [
          prefix,
          args.userId,
          args.target,
          args.reason ?? '',
          args.hotlines.join(','),
          args.languages.join(','),
          args.now,
          (args.allowed ?? selfServiceStates).join(','),
          ...(cap ? [cap.voice, cap.chat, cap.callsWhileChatting ? 1 : 0] : []),
        ],
      )) as string[];
      return r[0] === 'OK' ? (r[1] as TCounsellorState) : null;
    },

    /** Her new capacity, at once; null when she is not signed in (her next presence reads it). */
    async setCapacity(userId: string, cap: TCapacity): Promise<TCounsellorState | null> {
      const r = (await runLua(
        redis,
        setCapacityScript,
        [],
        [prefix, userId, cap.voice, cap.chat, cap.callsWhileChatting ? 1 : 0],
      )) as string | null;
      return r ? (r as TCounsellorState) : null;
    },

    async endCall(args: {
      userId: string;
      callSid: string;
      outcome: 'completed' | 'missed';
      now: number;
      wrapUpMs: number;
      maxConsecutiveTimeouts: number;
    }): Promise<{ state: TCounsellorState; record: TAgentRecord } | null> {
      const r = (await runLua(
        redis,
        endCallScript,
        [],
        [
          prefix,
          args.userId,
          args.callSid,
          args.outcome,
          args.now,
          args.wrapUpMs,
          args.maxConsecutiveTimeouts,
        ],
      )) as [string, string[]] | null;
      // The record as the script left it: the new state is pushed without another read.
      return r
        ? { state: r[0] as TCounsellorState, record: recordFromFlat(args.userId, r[1]) }
        : null;
    },

    /** Busy with an outbound call; only from a state in which nobody is waiting on them. */
    async claimForCall(userId: string, callSid: string): Promise<boolean> {
      const allowed = ['offline', 'away', 'available', 'wrap_up'].join(',');
      return (
        (await runLua(redis, claimForCallScript, [], [prefix, userId, callSid, allowed])) === 1
      );
    },

    async endWrapUp(userId: string, now: number): Promise<boolean> {
      return (await runLua(redis, endWrapUpScript, [], [prefix, userId, now])) !== null;
    },

    async dueWrapUps(now: number): Promise<string[]> {
      return redis.zrangebyscore(`${prefix}:wrap`, '-inf', now, 'LIMIT', 0, 500);
    },

    /**
     * See heartbeatScript: marks these counsellors seen now; returns the stale ones among those
     * whose state holds a reservation a lost connection gives back (presence.policy).
     */
    async heartbeat(userIds: readonly string[], now: number, cutoff: number): Promise<string[]> {
      return (await runLua(
        redis,
        heartbeatScript,
        [],
        [prefix, now, cutoff, RELEASING_STATES, ...userIds],
      )) as string[];
    },
  };
}
