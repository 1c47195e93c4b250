import type { Redis } from 'ioredis';
import type { TQueueView, TWaitingCallerView } from '../../contracts/realtime';

export type TQueueViews = ReturnType<typeof queueViews>;

/** Waiting callers per hotline and language, as supervisors and counsellors see them. */
export function queueViews(redis: Redis, prefix: string) {
  async function view(hotline: string, now: number): Promise<TQueueView> {
    const sids = await redis.zrange(`${prefix}:queue:${hotline}`, '0', '-1');
    const pipeline = redis.pipeline();
    for (const sid of sids) pipeline.hmget(`${prefix}:caller:${sid}`, 'language', 'enqueuedAt');
    const rows = sids.length ? ((await pipeline.exec()) ?? []) : [];
    const byLanguage = new Map<string, { waiting: number; longestWaitMs: number }>();
    let longestWaitMs = 0;
    for (const row of rows) {
      const [language, enqueuedAt] = (row[1] ?? []) as Array<string | null>;
      const waited = enqueuedAt ? Math.max(0, now - Number(enqueuedAt)) : 0;
      const entry = byLanguage.get(language ?? 'unknown') ?? { waiting: 0, longestWaitMs: 0 };
      entry.waiting += 1;
      entry.longestWaitMs = Math.max(entry.longestWaitMs, waited);
      byLanguage.set(language ?? 'unknown', entry);
      longestWaitMs = Math.max(longestWaitMs, waited);
    }
    return {
      hotline,
      waiting: sids.length,
      longestWaitMs,
      byLanguage: [...byLanguage].map(([language, v]) => ({ language, ...v })),
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
        );
    const rows = ranked.some((r) => r.sids.length) ? ((await pipeline.exec()) ?? []) : [];
    const out: TWaitingCallerView[] = [];
    let i = 0;
    for (const { h, sids } of ranked)
      sids.forEach((callSid, rank) => {
        const [language, enqueuedAt, boost, state, offeredTo] = (rows[i++]?.[1] ?? []) as Array<
          string | null
        >;
        // Only callers still in line: a bridged caller is on its way out of the set.
        if (state !== 'waiting' && state !== 'offered') return;
        out.push({
          callSid,
          hotline: h,
          language: language ?? 'unknown',
          enqueuedAt: Number(enqueuedAt ?? 0),
          priorityBoostMs: Number(boost ?? 0),
          position: rank + 1,
          state,
          offeredTo: state === 'offered' ? (offeredTo ?? null) : null,
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
