import type { Redis } from 'ioredis';
import type { TQueueView, TWaitingCallerView } from '../../contracts/realtime';
import { runLua } from './lua-script';
import { queueViewScript } from './routing.scripts';
import { routingKeyspace } from './routing.keys';

export type TQueueViews = ReturnType<typeof queueViews>;

/** Waiting callers per hotline and language, as supervisors and counsellors see them. */
export function queueViews(redis: Redis, deploymentPrefix: string) {
  const prefix = routingKeyspace(deploymentPrefix);
  async function view(hotline: string, now: number): Promise<TQueueView> {
    // Summed up inside Redis: pushed every few hundred ms during a surge, so no per-caller
    // round trip or object here.
    const r = (await runLua(redis, queueViewScript, [], [prefix, hotline])) as Array<
      string | number
    >;
    const byLanguage: TQueueView['byLanguage'] = [];
    let longestWaitMs = 0;
    for (let i = 1; i < r.length; i += 3) {
      const earliest = r[i + 2] === '' ? null : Number(r[i + 2]);
      const waited = earliest === null ? 0 : Math.max(0, now - earliest);
      byLanguage.push({ language: String(r[i]), waiting: Number(r[i + 1]), longestWaitMs: waited });
      longestWaitMs = Math.max(longestWaitMs, waited);
    }
    return { hotline, waiting: Number(r[0] ?? 0), longestWaitMs, byLanguage };
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
        );
    const rows = ranked.some((r) => r.sids.length) ? ((await pipeline.exec()) ?? []) : [];
    const out: TWaitingCallerView[] = [];
    let i = 0;
    for (const { h, sids } of ranked)
      sids.forEach((callSid, rank) => {
        const [language, enqueuedAt, boost, state, offeredTo, kind, heldWhy, from, until] = (rows[
          i++
        ]?.[1] ?? []) as Array<string | null>;
        // Only callers still in line: a bridged caller is on its way out of the set.
        if (state !== 'waiting' && state !== 'offered' && state !== 'held') return;
        const instant = (v: string | null | undefined) => (v ? Number(v) : null);
        out.push({
          callSid,
          hotline: h,
          language: language ?? 'unknown',
          enqueuedAt: Number(enqueuedAt ?? 0),
          priorityBoostMs: Number(boost ?? 0),
          position: rank + 1,
          state,
          offeredTo: state === 'offered' ? (offeredTo ?? null) : null,
          kind: kind === 'callback' ? 'callback' : 'inbound',
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
