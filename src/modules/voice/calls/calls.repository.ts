import { and, eq, isNull, notInArray, or, sql } from 'drizzle-orm';
import { callEvents, calls } from '../../../../db/schema/calls';
import { rawSql, type TDatabase } from '../../../infra/database';
import type { TCallEvent, TCallUpdate, TNewCall, TQueueEntry, TRecordedCall } from './call-records';
import { callWritesBatcher } from './call-writes.batcher';
import { eventWritesBatcher } from './event-writes.batcher';
import { callStatusStatement, setCallStatusStatement } from './call-writes.statements';
import { isCallStatus, isTerminal, nextCallState, type TCallStatus } from './call-state.policy';

export type { TCallEvent, TCallUpdate, TNewCall, TQueueEntry, TRecordedCall } from './call-records';

export type TCallsRepository = ReturnType<typeof callsRepository>;

const ENDED = ['completed', 'busy', 'failed', 'no-answer', 'canceled'];

/** A call the queue is done with: it ended, or it left Twilio's queue for good. */
export function isOverForQueue(row: TRecordedCall): boolean {
  return (
    ENDED.includes(row.status) || (row.queueResult !== null && row.queueResult !== 'redirected')
  );
}

export function callsRepository(db: TDatabase) {
  // The driver under drizzle, for the prepared single-statement writes of the webhook path.
  const client = rawSql(db);
  const recordings = callWritesBatcher(client);
  const events = eventWritesBatcher(client);
  return {
    /** Idempotent on CallSid: Twilio retries and the reconciler may record the same call again. */
    async recordCall(call: TNewCall): Promise<void> {
      await recordings.record(call, null);
    },
    /**
     * The call, its first raw event and the caller's block-list entry in one statement (shared
     * with the other calls arriving meanwhile): one round trip and one commit per batch.
     */
    async recordCallWithEvent(
      call: TNewCall,
      event: TCallEvent,
    ): Promise<TRecordedCall & { blocked: boolean }> {
      const { callSid: _sid, ...row } = await recordings.record(call, event);
      return row;
    },
    /**
     * The caller enters (or, `reentry`, re-enters after a missed bridge) the queue: language and
     * route are set, the enqueue time only the first time. Refused for a call that is over, so a
     * replayed or late webhook cannot queue a caller who already hung up.
     */
    async enterQueue(
      callSid: string,
      entry: { language: string; route: string; at: Date; reentry?: boolean },
    ): Promise<TQueueEntry> {
      const [row] = await db
        .update(calls)
        .set({
          language: entry.language,
          route: entry.route,
          enqueuedAt: sql`coalesce(${calls.enqueuedAt}, ${entry.at.toISOString()}::timestamptz)`,
        })
        .where(
          and(
            eq(calls.callSid, callSid),
            notInArray(calls.status, ENDED),
            entry.reentry
              ? or(isNull(calls.queueResult), eq(calls.queueResult, 'redirected'))
              : isNull(calls.queueResult),
          ),
        )
        .returning({ enqueuedAt: calls.enqueuedAt });
      if (row?.enqueuedAt) return { state: 'open', enqueuedAt: row.enqueuedAt };
      const [known] = await db
        .select({ id: calls.id })
        .from(calls)
        .where(eq(calls.callSid, callSid))
        .limit(1);
      return { state: known ? 'over' : 'unknown' };
    },
    /**
     * How the caller left Twilio's queue, written once per departure: a replay changes nothing,
     * only a final result may follow a redirect (bridging) that sent the caller back. Returns
     * whether it was written.
     */
    async leaveQueue(callSid: string, result: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(calls)
        .set({ queueResult: result, leftQueueAt: at })
        .where(
          and(
            eq(calls.callSid, callSid),
            result === 'redirected'
              ? isNull(calls.queueResult)
              : or(isNull(calls.queueResult), eq(calls.queueResult, 'redirected')),
          ),
        )
        .returning({ id: calls.id });
      return rows.length > 0;
    },
    /** Sets the call-back flag; true only for the request that set it (a replay is not a new one). */
    async requestCallback(callSid: string): Promise<boolean> {
      const rows = await db
        .update(calls)
        .set({ callbackRequested: true })
        .where(and(eq(calls.callSid, callSid), eq(calls.callbackRequested, false)))
        .returning({ id: calls.id });
      return rows.length > 0;
    },
    async updateCall(callSid: string, update: TCallUpdate): Promise<void> {
      if (Object.keys(update).length === 0) return;
      await db.update(calls).set(update).where(eq(calls.callSid, callSid));
    },
    /** Shares its statement with the other events written meanwhile (one commit per batch). */
    async addEvent(event: TCallEvent): Promise<void> {
      await events.add(event);
    },
    /**
     * Applies a status callback as compare-and-set: read the row, then update it only if it is
     * still what was read. Two deliveries racing each other cannot both win (the loser's update
     * matches no row and it decides again on the fresh state), and a status costs two round
     * trips instead of a locking transaction's four. Returns the new status, or null without a row.
     */
    async applyStatus(args: {
      callSid: string;
      status: TCallStatus;
      sequenceNumber?: number;
      durationSeconds?: number;
      at: Date;
    }): Promise<{ changed: boolean; status: TCallStatus } | null> {
      for (let attempt = 0; attempt < 10; attempt++) {
        // Raw prepared statements: a status callback is the most frequent webhook of a call.
        const row = await callStatusStatement(client, args.callSid);
        if (!row) return null;
        const current = isCallStatus(row.status) ? row.status : 'ringing';
        const next = nextCallState(
          { status: current, lastSequence: row.lastSequence },
          args.sequenceNumber === undefined
            ? { status: args.status }
            : { status: args.status, sequenceNumber: args.sequenceNumber },
        );
        if (!next.changed && next.lastSequence === row.lastSequence)
          return { changed: false, status: next.status };
        const ended = next.changed && isTerminal(next.status);
        const written = await setCallStatusStatement(client, {
          callSid: args.callSid,
          from: row,
          status: next.status,
          lastSequence: next.lastSequence,
          ended: ended ? { at: args.at, durationSeconds: args.durationSeconds ?? null } : null,
        });
        if (written) return { changed: next.changed, status: next.status };
      }
      throw new Error('call status kept changing under concurrent deliveries');
    },
    /** What the queue needs to know of a call; null when there is no row. */
    async queueState(callSid: string): Promise<TRecordedCall | null> {
      const [row] = await db
        .select({ status: calls.status, queueResult: calls.queueResult })
        .from(calls)
        .where(eq(calls.callSid, callSid))
        .limit(1);
      return row ?? null;
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
