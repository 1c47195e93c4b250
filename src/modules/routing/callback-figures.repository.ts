import type { TCallbackFigures } from '../../contracts/realtime';
import type { TSql } from '../../infra/database';

/**
 * Call-backs per hotline from the durable tasks: how many wait now (asked for, not placed; held
 * ones too), and since `since` the average time from the request to the call-back being placed.
 */
export async function callbackFigures(
  sql: TSql,
  since: Date,
  hotlines: readonly string[] | null,
): Promise<TCallbackFigures[]> {
  const from = since.toISOString();
  const rows = await sql<Array<{ hotline: string; waiting: number; avg_s: number | null }>>`
    select hotline,
      count(*) filter (where status in ('open', 'taken'))::int as waiting,
      avg(greatest(0, extract(epoch from placed_at - created_at)))
        filter (where placed_at >= ${from}::timestamptz)::float8 as avg_s
    from callback_tasks
    where (status in ('open', 'taken') or placed_at >= ${from}::timestamptz)
      ${hotlines ? sql`and hotline in ${sql(hotlines as string[])}` : sql``}
    group by hotline
    order by hotline`;
  return rows.map((r) => ({
    hotline: r.hotline,
    waiting: r.waiting,
    averageTimeToCallbackS: r.avg_s,
  }));
}
