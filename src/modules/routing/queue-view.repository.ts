import type { Redis } from 'ioredis';
import type { TQueueLine, TQueueView, TWaitingCallerView } from '../../contracts/realtime';
import { runLua } from './lua-script';
import { queueViewScript } from './routing.scripts';
import { routingKeyspace } from './routing.keys';

export type TQueueViews = ReturnType<typeof queueViews>;

/** One channel's {language, count, earliest arrival, …} from queueViewScript. */
function line(r: ReadonlyArray<string | number>, now: number): TQueueLine {
  const byLanguage: TQueueLine['byLanguage'] = [];
  let longestWaitMs = 0;
  let waiting = 0;
  for (let i = 0; i + 2 < r.length; i += 3) {
    const waited = Math.max(0, now - Number(r[i + 2]));
    const count = Number(r[i + 1]);
    byLanguage.push({ language: String(r[i]), waiting: count, longestWaitMs: waited });
    longestWaitMs = Math.max(longestWaitMs, waited);
    waiting += count;
  }
  return { waiting, longestWaitMs, byLanguage };
}

/** Waiting callers per hotline and language, as supervisors and counsellors see them. */
export function queueViews(redis: Redis, deploymentPrefix: string) {
  const prefix = routingKeyspace(deploymentPrefix);
  async function view(hotline: string, now: number): Promise<TQueueView> {
    // Summed up inside Redis: pushed every few hundred ms during a surge, so no per-caller
    // round trip or object here.
    const [total, calls, chats] = (await runLua(redis, queueViewScript, [], [prefix, hotline])) as [
      number,
      Array<string | number>,
      Array<string | number>,
    ];
    const chatLine = line(chats, now);
    // Calls are what is in line and not a chat: the queue's own count stays the reference.
    const callLine = line(calls, now);
    return {
      hotline,
      ...callLine,
      waiting: Math.max(0, Number(total) - chatLine.waiting),
      chats: chatLine,
    };
  }

  /** Waiting callers of the given hotlines, each in queue order: one pipeline, no scans. */
  async function callers(hotlines: readonly string[]): Promise<TWaitingCallerView[]> {
    const ranked = await Promise.all(
      hotlines.map(async (h) => ({
        h,
        sids: await redis.zrange(`${prefix}:queue:${h}`, '0', '-1'),
      })),
    );
    const pipeline = redis.pipeline();
    for (const { sids } of ranked)
      for (const sid of sids)
        pipeline.hmget(
          `${prefix}:caller:${sid}`,
          'language',
          'enqueuedAt',
          'priorityBoostMs',
          'state',
          'offeredTo',
          'kind',
          'heldWhy',
          'safeFrom',
          'safeUntil',
          'channel',
        );
    const rows = ranked.some((r) => r.sids.length) ? ((await pipeline.exec()) ?? []) : [];
    const out: TWaitingCallerView[] = [];
    let i = 0;
    for (const { h, sids } of ranked)
      sids.forEach((taskId, rank) => {
        const [language, enqueuedAt, boost, state, offeredTo, kind, heldWhy, from, until, channel] =
          (rows[i++]?.[1] ?? []) as Array<string | null>;
        // Only callers still in line: a bridged caller is on its way out of the set.
        if (state !== 'waiting' && state !== 'offered' && state !== 'held') return;
        const instant = (v: string | null | undefined) => (v ? Number(v) : null);
        out.push({
          taskId,
          hotline: h,
          language: language ?? 'unknown',
          enqueuedAt: Number(enqueuedAt ?? 0),
          priorityBoostMs: Number(boost ?? 0),
          position: rank + 1,
          state,
          offeredTo: state === 'offered' ? (offeredTo ?? null) : null,
          kind: kind === 'callback' ? 'callback' : 'inbound',
          channel: channel === 'chat' ? 'chat' : 'voice',
          heldWhy: state === 'held' ? (heldWhy === 'ended' ? 'ended' : 'not-yet') : null,
          safeFrom: instant(from),
          safeUntil: instant(until),
        });
      });
    return out;
  }

  return {
    view,
    callers,
    hotlines: () => redis.smembers(`${prefix}:hotlines`),
    async all(hotlines: readonly string[] | null, now: number): Promise<TQueueView[]> {
      const known = await redis.smembers(`${prefix}:hotlines`);
      const wanted = hotlines ? known.filter((h) => hotlines.includes(h)) : known;
      return Promise.all(wanted.sort().map((h) => view(h, now)));
    },
  };
}
