import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One row per telephony call (Twilio CallSid). The caller's number is kept only encrypted
 * (`from_encrypted`, bound to this call SID) and as a keyed HMAC (`from_hash`) for repeat-caller
 * lookup and the block list.
 */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callSid: text('call_sid').notNull().unique(),
    hotline: text('hotline').notNull(),
    direction: text('direction', { enum: ['inbound', 'outbound'] })
      .notNull()
      .default('inbound'),
    fromEncrypted: text('from_encrypted'),
    fromHash: text('from_hash'),
    /** Call state from status callbacks (call-state.policy); terminal states never change. */
    status: text('status').notNull().default('ringing'),
    /** Highest Twilio SequenceNumber applied; lower or equal ones are duplicates or late. */
    lastSequence: integer('last_sequence').notNull().default(-1),
    language: text('language'),
    /** How the call went: queued, blocked, after-hours-voicemail, after-hours-forward, forwarded-fallback. */
    route: text('route'),
    queueResult: text('queue_result'),
    callbackRequested: boolean('callback_requested').notNull().default(false),
    voicemailUrl: text('voicemail_url'),
    /** The caller's answer to the after-call question: yes, no, or null (not asked or no key). */
    afterCallAnswer: text('after_call_answer', { enum: ['yes', 'no'] }),
    afterCallAskedAt: at('after_call_asked_at'),
    startedAt: at('started_at').notNull().defaultNow(),
    enqueuedAt: at('enqueued_at'),
    leftQueueAt: at('left_queue_at'),
    endedAt: at('ended_at'),
    durationSeconds: integer('duration_seconds'),
    /** Recorded while a store was down (or from a late event): the reconciler checks it again. */
    needsReconciliation: boolean('needs_reconciliation').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('calls_hotline_started_idx').on(t.hotline, t.startedAt),
    index('calls_from_hash_idx').on(t.fromHash),
    // The reports' refresh finds calls changed since it last ran (late status callbacks). BRIN:
    // small, and unlike a btree it leaves the webhooks' updates HOT (Postgres 16+).
    index('calls_updated_brin_idx').using('brin', t.updatedAt),
    // Supervisors' live figures read today's queued calls every few seconds: BRIN again.
    index('calls_enqueued_brin_idx').using('brin', t.enqueuedAt),
  ],
);

/** Every raw Twilio event, as received, with phone numbers and caller location removed. */
export const callEvents = pgTable(
  'call_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    callSid: text('call_sid').notNull(),
    /** Which webhook delivered it: incoming, language, wait, wait-choice, queue-result, status, voicemail, fallback. */
    kind: text('kind').notNull(),
    callStatus: text('call_status'),
    sequenceNumber: integer('sequence_number'),
    payload: jsonb('payload').$type<Record<string, string>>().notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [
    index('call_events_call_sid_idx').on(t.callSid, t.id),
    // Append-only and written in time order: today's routing steps (live figures) without
    // reading the whole year, for the cost of a few pages per million rows.
    index('call_events_received_brin_idx').using('brin', t.receivedAt),
  ],
);
