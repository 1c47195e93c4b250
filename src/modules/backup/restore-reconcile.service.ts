import { sql } from 'drizzle-orm';
import type { TConfig } from '../../config/config';
import type { TDatabase } from '../../infra/database';
import type { JobQueues } from '../../jobs/job-queues';
import { reconcileOutbox } from '../referrals/followups/reconcile.service';

export type TRestoreReconcileResult = {
  callsEnded: number;
  referralsQueued: number;
  deliveriesQueued: number;
};

/**
 * What lived only in Redis when the backup was taken (callers waiting, offers, BullMQ jobs) is
 * not in the backup. After a restore, Postgres is made to say so: calls that were still open are
 * over (answered ones `completed`, the rest `canceled`; marked for reconciliation so reports can
 * tell), and every referral or delivery still waiting in the outbox gets its job again.
 */
export async function reconcileAfterRestore(deps: {
  db: TDatabase;
  config: TConfig;
  queues: JobQueues;
}): Promise<TRestoreReconcileResult> {
  const ended = await deps.db.execute<{ id: string }>(sql`
    update calls
       set status = case when status = 'in-progress' then 'completed' else 'canceled' end,
           ended_at = coalesce(ended_at, now()),
           needs_reconciliation = true,
           updated_at = now()
     where status in ('queued', 'initiated', 'ringing', 'in-progress')
     returning id`);
  // Everything in a restored database predates the restore: no grace for in-flight requests.
  const after = new Date(Date.now() + 60_000);
  let referralsQueued = 0;
  let deliveriesQueued = 0;
  for (let round = 0; round < 1000; round++) {
    const r = await reconcileOutbox(deps, after);
    referralsQueued += r.referrals;
    deliveriesQueued += r.deliveries;
    if (r.referrals + r.deliveries === 0) break;
  }
  return { callsEnded: ended.length, referralsQueued, deliveriesQueued };
}

/** The lines `npm run restore` prints about it. */
export function describeReconcile(r: TRestoreReconcileResult): string[] {
  return [
    `calls still open in the backup, now marked ended: ${r.callsEnded}`,
    `referrals waiting in the outbox, queued again: ${r.referralsQueued}`,
    `partner deliveries waiting, queued again: ${r.deliveriesQueued}`,
    'callers who were waiting and offers on screen lived in Redis: they are not restored',
  ];
}
