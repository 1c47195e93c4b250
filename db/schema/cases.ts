import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { caseClosureReasons } from '../../src/contracts/case-lifecycle';
import { timestamps } from './columns';
import { staffUsers } from './staff';

import {
  casePersonRoles,
  caseRiskLevels,
  caseStatuses,
} from '../../src/contracts/records-vocabulary';

export { casePersonRoles, caseRiskLevels, caseStatuses };
export type TCaseStatus = (typeof caseStatuses)[number];
export {
  caseClosureReasons,
  caseReopenReasons,
  type TCaseClosureReason,
  type TCaseReopenReason,
} from '../../src/contracts/case-lifecycle';

/** Human-readable case codes (SD-2026-000123) come from one sequence, never reused. */
export const caseCodeSequence = pgSequence('case_code_seq', { startWith: 1 });

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    hotline: text('hotline').notNull(),
    status: text('status', { enum: caseStatuses }).notNull().default('open'),
    riskLevel: text('risk_level', { enum: caseRiskLevels }).notNull().default('medium'),
    /** Counsellor responsible; the case is "own" for them. */
    ownerId: uuid('owner_id').references(() => staffUsers.id),
    /** Province the situation is handled in (scope and statistics). */
    provinceCode: text('province_code'),
    categoryCode: text('category_code'),
    subcategoryCode: text('subcategory_code'),
    /** Encrypted (AES-256-GCM, AAD cases/summary_enc/id). */
    summaryEnc: text('summary_enc'),
    legalHold: boolean('legal_hold').notNull().default(false),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    /** Set on closing, cleared on reopening; its note (if any) is an encrypted case note. */
    closureReason: text('closure_reason', { enum: caseClosureReasons }),
    /**
     * Set when retention emptied the case of everything personal but kept it, because partners'
     * tickets (an append-only record of what they did) still point at it.
     */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true, mode: 'date' }),
    /** Optimistic concurrency: every update must name the version it read. */
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('cases_hotline_status_idx').on(t.hotline, t.status),
    index('cases_owner_idx').on(t.ownerId),
    index('cases_created_idx').on(t.createdAt),
  ],
);

export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => staffUsers.id),
    bodyEnc: text('body_enc').notNull(),
    ...timestamps,
  },
  (t) => [index('case_notes_case_idx').on(t.caseId)],
);

/**
 * The case timeline: one row per thing that happened (contact, note, status change, referral,
 * partner update). `data` holds ids and codes only; text lives encrypted in its own table.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id'),
    refId: text('ref_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

export const casePeople = pgTable(
  'case_people',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    role: text('role', { enum: casePersonRoles }).notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.personId] }),
    index('case_people_person_idx').on(t.personId),
    // Report aggregates: case links changed since the last refresh.
    index('case_people_updated_idx').on(t.updatedAt),
  ],
);

export const followUpStatuses = ['open', 'done', 'cancelled'] as const;
export type TFollowUpStatus = (typeof followUpStatuses)[number];

/**
 * A follow-up task on a case: due on a day (Vientiane), assigned to a counsellor of the case's
 * hotline, who is reminded on her desk when it falls due (a delayed job keyed by its id).
 */
export const caseFollowUps = pgTable(
  'case_follow_ups',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    assigneeId: uuid('assignee_id')
      .notNull()
      .references(() => staffUsers.id),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    /** The day it is due, in Asia/Vientiane. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** Encrypted (AES-256-GCM, AAD case_follow_ups/task_enc/id): what is to be done. */
    taskEnc: text('task_enc').notNull(),
    status: text('status', { enum: followUpStatuses }).notNull().default('open'),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('case_follow_ups_assignee_idx').on(t.assigneeId, t.status, t.dueOn),
    index('case_follow_ups_case_idx').on(t.caseId),
  ],
);
