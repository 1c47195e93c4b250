import { and, eq, sql } from 'drizzle-orm';
import { callEvents, calls } from '../../../db/schema/calls';
import type { TDatabase } from '../../infra/database';
import { isCallStatus, nextCallState, type TCallStatus } from './call-state.policy';

export type TNewCall = {
  callSid: string;
  hotline: string;
  direction?: 'inbound' | 'outbound';
  fromEncrypted: string | null;
  fromHash: string | null;
  route?: string | null;
  language?: string | null;
  enqueuedAt?: Date | null;
  startedAt?: Date;
  needsReconciliation?: boolean;
};

export type TCallUpdate = Partial<{
  language: string;
  route: string;
  enqueuedAt: Date | null;
  leftQueueAt: Date;
  queueResult: string;
  callbackRequested: boolean;
  voicemailUrl: string;
  needsReconciliation: boolean;
}>;

export type TCallEvent = {
  callSid: string;
  kind: string;
  callStatus?: string | null;
  sequenceNumber?: number | null;
  payload: Record<string, string>;
  receivedAt?: Date;
};

export type TCallsRepository = ReturnType<typeof callsRepository>;

type TExecutor = Pick<TDatabase, 'insert'>;

/**
 * Webhook-path writes do not wait for the WAL flush (the disk's fsync would otherwise be most of
 * the webhook's time). A Postgres crash can lose the last fraction of a second of these rows;
 * Twilio's own call log and the reconciler cover that, and no caller waits on it.
 */
async function relaxedCommit(tx: Pick<TDatabase, 'execute'>): Promise<void> {
  await tx.execute(sql`set local synchronous_commit = off`);
}

// A status callback can beat the incoming webhook and create a bare row; fill it in.
async function upsertCall(db: TExecutor, call: TNewCall): Promise<void> {
  await db
    .insert(calls)
    .values({ ...call, needsReconciliation: call.needsReconciliation ?? false })
    .onConflictDoUpdate({
      target: calls.callSid,
      set: {
        hotline: sql`case when ${calls.hotline} = 'unknown' then excluded.hotline else ${calls.hotline} end`,
        fromEncrypted: sql`coalesce(${calls.fromEncrypted}, excluded.from_encrypted)`,
        fromHash: sql`coalesce(${calls.fromHash}, excluded.from_hash)`,
        route: sql`coalesce(${calls.route}, excluded.route)`,
        language: sql`coalesce(${calls.language}, excluded.language)`,
        enqueuedAt: sql`coalesce(${calls.enqueuedAt}, excluded.enqueued_at)`,
        needsReconciliation: sql`${calls.needsReconciliation} and excluded.needs_reconciliation`,
      },
    });
}

export function callsRepository(db: TDatabase) {
  return {
    /** Idempotent on CallSid: Twilio retries and the reconciler may record the same call again. */
    async recordCall(call: TNewCall): Promise<void> {
      await upsertCall(db, call);
    },
    /** The call and its first raw event in one transaction: one commit on the webhook's path. */
    async recordCallWithEvent(call: TNewCall, event: TCallEvent): Promise<void> {
      await db.transaction(async (tx) => {
        await relaxedCommit(tx);
        await upsertCall(tx, call);
        await tx.insert(callEvents).values(event);
      });
    },
    async updateCall(callSid: string, update: TCallUpdate): Promise<void> {
      if (Object.keys(update).length === 0) return;
      await db.update(calls).set(update).where(eq(calls.callSid, callSid));
    },
    async addEvent(event: TCallEvent): Promise<void> {
      await db.transaction(async (tx) => {
        await relaxedCommit(tx);
        await tx.insert(callEvents).values(event);
      });
    },
    /**
     * Applies a status callback under a row lock so two deliveries racing each other cannot both
     * win. Returns the new status when it changed.
     */
    async applyStatus(args: {
      callSid: string;
      status: TCallStatus;
      sequenceNumber?: number;
      durationSeconds?: number;
      at: Date;
    }): Promise<{ changed: boolean; status: TCallStatus } | null> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select({ status: calls.status, lastSequence: calls.lastSequence })
          .from(calls)
          .where(eq(calls.callSid, args.callSid))
          .for('update');
        if (!row) return null;
        const current = isCallStatus(row.status) ? row.status : 'ringing';
        const next = nextCallState(
          { status: current, lastSequence: row.lastSequence },
          args.sequenceNumber === undefined
            ? { status: args.status }
            : { status: args.status, sequenceNumber: args.sequenceNumber },
        );
        if (next.changed || next.lastSequence !== row.lastSequence) {
          const ended =
            next.changed &&
            ['completed', 'busy', 'failed', 'no-answer', 'canceled'].includes(next.status);
          await tx
            .update(calls)
            .set({
              status: next.status,
              lastSequence: next.lastSequence,
              ...(ended ? { endedAt: args.at, durationSeconds: args.durationSeconds ?? null } : {}),
            })
            .where(eq(calls.callSid, args.callSid));
        }
        return { changed: next.changed, status: next.status };
      });
    },
    async findCall(callSid: string) {
      const [row] = await db.select().from(calls).where(eq(calls.callSid, callSid)).limit(1);
      return row ?? null;
    },
    async eventsOf(callSid: string) {
      return db
        .select()
        .from(callEvents)
        .where(eq(callEvents.callSid, callSid))
        .orderBy(callEvents.id);
    },
    async clearReconciliation(callSid: string): Promise<void> {
      await db
        .update(calls)
        .set({ needsReconciliation: false })
        .where(and(eq(calls.callSid, callSid), eq(calls.needsReconciliation, true)));
    },
    async countNeedingReconciliation(): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(calls)
        .where(eq(calls.needsReconciliation, true));
      return row?.n ?? 0;
    },
  };
}
