import { bigint, boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { staffUsers } from './staff';
import { callbackOrigins, callbackStatuses } from '../../src/contracts/callbacks';

export {
  callbackOrigins,
  callbackStatuses,
  type TCallbackStatus,
} from '../../src/contracts/callbacks';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A call-back owed to a caller: one who pressed 1 while waiting (keeps their place in line), or
 * a missed call a counsellor chose to return. Never placed automatically: the caller may be
 * watched, so a counsellor takes it (or accepts it when routing offers it), reads the safety
 * fields and decides. The number is the original call's unless the caller keyed another.
 */
export const callbackTasks = pgTable(
  'callback_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callSid: text('call_sid').notNull().unique(),
    hotline: text('hotline').notNull(),
    language: text('language').notNull(),
    origin: text('origin', { enum: callbackOrigins }).notNull(),
    /** The caller's place in line (first enqueue ms minus priority boost): lists sort by it. */
    queueScore: bigint('queue_score', { mode: 'number' }).notNull(),
    status: text('status', { enum: callbackStatuses }).notNull().default('open'),
    takenBy: uuid('taken_by').references(() => staffUsers.id),
    takenAt: at('taken_at'),
    placedCallSid: text('placed_call_sid'),
    placedAt: at('placed_at'),
    completedAt: at('completed_at'),
    outcome: text('outcome', { enum: ['reached', 'not-reached', 'unsafe', 'cancelled'] }),
    /**
     * Waits in routing's queue at the caller's own place (a press-1 call-back) and is offered to
     * a counsellor like a call; false for the manual list (missed calls).
     */
    routed: boolean('routed').notNull().default(false),
    /** The safe time the caller keyed (any / until an hour / from an hour), as they chose it. */
    safeWindow: jsonb('safe_window').$type<{ kind: 'any' | 'until' | 'from'; hour?: number }>(),
    /** That choice as instants: offered only between them (null: open on that side). */
    safeFrom: at('safe_from'),
    safeUntil: at('safe_until'),
    /** A number the caller keyed instead of the one they called from (encrypted). */
    callbackNumberEnc: text('callback_number_enc'),
    ...timestamps,
  },
  (t) => [index('callback_tasks_hotline_status_idx').on(t.hotline, t.status, t.queueScore)],
);
