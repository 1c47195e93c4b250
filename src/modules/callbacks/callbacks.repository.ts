import { and, asc, desc, eq, inArray, isNotNull, isNull, gte, lte, or, sql } from 'drizzle-orm';
import { callbackTasks, callEvents, calls, contacts } from '../../../db/schema/index';
import type { TDatabase } from '../../infra/database';

export type TCallbackTask = typeof callbackTasks.$inferSelect;

export function callbacksRepository(db: TDatabase) {
  return {
    /** Idempotent on the call: a second "press 1" or a repeated webhook creates nothing new. */
    async create(task: typeof callbackTasks.$inferInsert): Promise<TCallbackTask | null> {
      const [row] = await db.insert(callbackTasks).values(task).onConflictDoNothing().returning();
      return row ?? null;
    },

    async get(id: string): Promise<TCallbackTask | null> {
      const [row] = await db.select().from(callbackTasks).where(eq(callbackTasks.id, id));
      return row ?? null;
    },

    async listOpen(hotlines: readonly string[]): Promise<TCallbackTask[]> {
      if (!hotlines.length) return [];
      return db
        .select()
        .from(callbackTasks)
        .where(
          and(
            inArray(callbackTasks.hotline, [...hotlines]),
            inArray(callbackTasks.status, ['open', 'taken', 'placed']),
          ),
        )
        .orderBy(asc(callbackTasks.queueScore));
    },

    /**
     * Exactly one counsellor takes an open task. Taken by hand, a task that waited in routing's
     * line leaves it for good (`routed` false): from then on it is hers, as in the manual list.
     */
    async take(id: string, userId: string, byHand = false): Promise<TCallbackTask | null> {
      const [row] = await db
        .update(callbackTasks)
        .set({
          status: 'taken',
          takenBy: userId,
          takenAt: new Date(),
          ...(byHand ? { routed: false } : {}),
        })
        .where(and(eq(callbackTasks.id, id), eq(callbackTasks.status, 'open')))
        .returning();
      return row ?? null;
    },

    /** Call-backs waiting in line whose caller's safe time has ended (oldest end first). */
    endedSafeTimes(now: Date, limit = 100): Promise<TCallbackTask[]> {
      return db
        .select()
        .from(callbackTasks)
        .where(
          and(
            eq(callbackTasks.routed, true),
            eq(callbackTasks.status, 'open'),
            lte(callbackTasks.safeUntil, now),
          ),
        )
        .orderBy(asc(callbackTasks.safeUntil))
        .limit(limit);
    },

    /** The task's safe time moved on; only from the end it had (another node may be first). */
    async moveSafeTimes(
      id: string,
      endedAt: Date,
      next: { safeFrom: Date; safeUntil: Date },
    ): Promise<TCallbackTask | null> {
      const [row] = await db
        .update(callbackTasks)
        .set(next)
        .where(and(eq(callbackTasks.id, id), eq(callbackTasks.safeUntil, endedAt)))
        .returning();
      return row ?? null;
    },

    /** Back to open: the counsellor routing offered it to could not be rung (back in line). */
    async release(id: string, userId: string): Promise<void> {
      await db
        .update(callbackTasks)
        .set({ status: 'open', takenBy: null, takenAt: null })
        .where(
          and(
            eq(callbackTasks.id, id),
            eq(callbackTasks.takenBy, userId),
            eq(callbackTasks.status, 'taken'),
          ),
        );
    },

    /** Never owed after all (the caller was being connected as they asked). */
    async cancel(id: string): Promise<void> {
      await db
        .update(callbackTasks)
        .set({ status: 'cancelled', outcome: 'cancelled', completedAt: new Date() })
        .where(eq(callbackTasks.id, id));
    },

    async markPlaced(id: string, placedCallSid: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [task] = await tx
          .update(callbackTasks)
          .set({ status: 'placed', placedCallSid, placedAt: new Date() })
          .where(eq(callbackTasks.id, id))
          .returning({ callSid: callbackTasks.callSid });
        // The operations report's hour of the original call now has a time to call-back: its
        // refresh recomputes the hours of calls changed since it last ran.
        if (task)
          await tx
            .update(calls)
            .set({ updatedAt: new Date() })
            .where(eq(calls.callSid, task.callSid));
      });
    },

    async complete(
      id: string,
      userId: string,
      outcome: NonNullable<TCallbackTask['outcome']>,
    ): Promise<TCallbackTask | null> {
      const [row] = await db
        .update(callbackTasks)
        .set({ status: 'done', outcome, completedAt: new Date() })
        .where(
          and(
            eq(callbackTasks.id, id),
            eq(callbackTasks.takenBy, userId),
            inArray(callbackTasks.status, ['taken', 'placed']),
          ),
        )
        .returning();
      return row ?? null;
    },

    async originalCall(callSid: string) {
      const [row] = await db
        .select({
          fromEncrypted: calls.fromEncrypted,
          fromHash: calls.fromHash,
          enqueuedAt: calls.enqueuedAt,
          language: calls.language,
          hotline: calls.hotline,
        })
        .from(calls)
        .where(eq(calls.callSid, callSid));
      return row ?? null;
    },

    /** The latest contact with this caller's number: what it said about calling back safely. */
    async latestSafety(fromHash: string) {
      const [row] = await db
        .select({
          id: contacts.id,
          safeToTalk: contacts.safeToTalk,
          safeCallbackWindowEnc: contacts.safeCallbackWindowEnc,
          noSms: contacts.noSms,
          noVoicemail: contacts.noVoicemail,
          codeWordEnc: contacts.codeWordEnc,
        })
        .from(contacts)
        .where(eq(contacts.callerPhoneHash, fromHash))
        .orderBy(desc(contacts.occurredAt))
        .limit(1);
      return row ?? null;
    },

    /**
     * Callers who hung up while waiting, or in the welcome or the language menu before reaching
     * the queue, and were never answered or given a call-back task. Listed for counsellors to
     * decide; never called back automatically.
     */
    async missedCalls(hotlines: readonly string[], since: Date) {
      if (!hotlines.length) return [];
      const inMenu = and(
        eq(calls.route, 'ivr'),
        isNull(calls.enqueuedAt),
        gte(calls.startedAt, since),
        inArray(calls.status, ['completed', 'busy', 'failed', 'no-answer', 'canceled']),
      );
      const inQueue = and(
        gte(calls.enqueuedAt, since),
        isNotNull(calls.leftQueueAt),
        inArray(calls.queueResult, ['hangup', 'leave']),
        sql`not exists (select 1 from ${callEvents} e where e.call_sid = ${calls.callSid} and e.kind = 'routing.accepted')`,
      );
      const rows = await db
        .select({
          callSid: calls.callSid,
          hotline: calls.hotline,
          language: calls.language,
          enqueuedAt: calls.enqueuedAt,
          leftQueueAt: sql<Date | null>`coalesce(${calls.leftQueueAt}, ${calls.endedAt})`.mapWith(
            calls.leftQueueAt,
          ),
          startedAt: calls.startedAt,
        })
        .from(calls)
        .leftJoin(callbackTasks, eq(callbackTasks.callSid, calls.callSid))
        .where(
          and(
            inArray(calls.hotline, [...hotlines]),
            eq(calls.direction, 'inbound'),
            isNull(callbackTasks.id),
            or(inQueue, inMenu),
          ),
        )
        .orderBy(asc(calls.startedAt));
      return rows.map(({ startedAt: _started, ...r }) => ({
        ...r,
        leftIn: r.enqueuedAt ? ('queue' as const) : ('menu' as const),
      }));
    },
  };
}
