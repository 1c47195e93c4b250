import { and, eq, isNotNull, isNull, notInArray } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { calls } from '../../../db/schema/calls';
import type { TDatabase } from '../../infra/database';
import { twilioQueueName } from '../telephony/twilio.provider';
import type { TLiveCallContext } from './conference/live-call.context';

const ENDED = ['completed', 'busy', 'failed', 'no-answer', 'canceled'];

/** A key set when routing starts on a Redis; if it is gone, Redis lost its data. */
export const epochKey = (prefix: string) => `${prefix}:routing:epoch`;

/**
 * Rebuilds the waiting queues after Redis lost its data: callers Postgres says are waiting, kept
 * only if the telephony platform still holds them (when it answers), re-added with their first
 * enqueue time so everyone keeps their place. Idempotent: a caller still queued is untouched.
 */
export async function rebuildQueues(
  ctx: TLiveCallContext,
  deps: { db: TDatabase; redis: Redis },
): Promise<number> {
  const waiting = await deps.db
    .select({
      callSid: calls.callSid,
      hotline: calls.hotline,
      language: calls.language,
      enqueuedAt: calls.enqueuedAt,
    })
    .from(calls)
    .where(
      and(
        eq(calls.route, 'queued'),
        isNotNull(calls.enqueuedAt),
        isNull(calls.leftQueueAt),
        notInArray(calls.status, ENDED),
      ),
    );
  const held = new Map<string, Set<string> | null>();
  let added = 0;
  for (const call of waiting) {
    if (!held.has(call.hotline)) {
      const members = await ctx.telephony
        .listQueueMembers({ queueName: twilioQueueName(call.hotline) })
        .then((m) => new Set(m.map((x) => x.callSid)))
        .catch(() => null);
      held.set(call.hotline, members);
    }
    const members = held.get(call.hotline);
    if (members && !members.has(call.callSid)) continue;
    await ctx.queue.add({
      callSid: call.callSid,
      hotline: call.hotline,
      language: call.language ?? 'lo',
      enqueuedAt: call.enqueuedAt?.getTime() ?? Date.now(),
      priorityBoostMs: 0,
    });
    added++;
  }
  return added;
}

/** Called by the sweep: on a fresh or wiped Redis, rebuild once (one node wins the epoch key). */
export async function rebuildIfRedisWasWiped(
  ctx: TLiveCallContext,
  deps: { db: TDatabase; redis: Redis },
): Promise<number | null> {
  const fresh = await deps.redis.set(epochKey(ctx.config.REDIS_PREFIX), String(Date.now()), 'NX');
  if (fresh !== 'OK') return null;
  const added = await rebuildQueues(ctx, deps);
  if (added) void ctx.dispatcher.kick();
  return added;
}
