import {
  boolean,
  unique,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { timestamps } from './columns';
import { people } from './people';
import { partnerUnits } from './partners';
import {
  referralHoldReasons,
  referralHoldStatuses,
  referralNeeds,
  referralPriorities,
} from '../../src/contracts/referral-vocabulary';
import { consentOverrideReasons, consentScopes } from '../../src/contracts/consent-requirements';
import type { TReferralSubject } from '../../src/contracts/referral-subject';
import { staffUsers } from './staff';

export {
  referralHoldReasons,
  referralHoldStatuses,
  referralNeeds,
  referralPriorities,
  type TReferralNeed,
  type TReferralPriority,
} from '../../src/contracts/referral-vocabulary';

export type { TReferralSubject } from '../../src/contracts/referral-subject';

/** A routing rule; null matches anything. The most specific matching rule wins, then `rank`. */
export const referralRules = pgTable(
  'referral_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    need: text('need', { enum: referralNeeds }).notNull(),
    provinceCode: text('province_code'),
    ageGroup: text('age_group', { enum: ['child', 'adult'] }),
    sex: text('sex'),
    nationality: text('nationality'),
    exploitationForm: text('exploitation_form'),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => partnerUnits.id),
    alternateUnitId: uuid('alternate_unit_id').references(() => partnerUnits.id),
    rank: integer('rank').notNull().default(100),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [index('referral_rules_need_idx').on(t.need)],
);

export const referralStatuses = ['stored', 'dispatched', 'blocked_consent', 'unrouted'] as const;

/**
 * The outbox: written in the same transaction as the request. `dispatchedAt` stays null until a
 * worker has created every ticket; the reconciler re-enqueues rows left like that.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The person on the case the referral is for (consent is recorded per person). */
    personId: uuid('person_id').references(() => people.id),
    hotline: text('hotline'),
    requestedBy: uuid('requested_by').notNull(),
    needs: text('needs', { enum: referralNeeds }).array().notNull(),
    priority: text('priority', { enum: referralPriorities }).notNull(),
    subject: jsonb('subject').$type<TReferralSubject>().notNull(),
    /** Imminent danger: a written justification (encrypted) lets it reach police without consent. */
    dangerOverride: boolean('danger_override').notNull().default(false),
    overrideJustificationEnc: text('override_justification_enc'),
    status: text('status', { enum: referralStatuses }).notNull().default('stored'),
    unroutedNeeds: text('unrouted_needs').array().notNull().default([]),
    /** Units the consent gate kept out (police without the adult's recorded consent). */
    blockedUnitIds: uuid('blocked_unit_ids').array().notNull().default([]),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    /**
     * When the referral was made: now for a live request, the historical date for one imported
     * from an earlier system. Reports place a referral by this, never by when the row was written.
     */
    referredAt: timestamp('referred_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    index('referrals_pending_idx').on(t.status, t.createdAt),
    index('referrals_referred_idx').on(t.referredAt),
  ],
);

/**
 * A partner the consent gate kept a referral from: stored and shown on the desk, never dropped.
 * Recording the consent (or an audited override) sets `releaseRequestedAt` in the same
 * transaction; the worker then checks again and, if allowed, creates the ticket and marks the
 * hold released in one statement (the unique key on tickets keeps it to one ticket).
 */
export const referralHolds = pgTable(
  'referral_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => partnerUnits.id),
    needs: text('needs', { enum: referralNeeds }).array().notNull(),
    alternateUnitId: uuid('alternate_unit_id').references(() => partnerUnits.id),
    /** The consent scope that was missing. */
    scope: text('scope', { enum: consentScopes }).notNull(),
    reason: text('reason', { enum: referralHoldReasons }).notNull(),
    status: text('status', { enum: referralHoldStatuses }).notNull().default('held'),
    releaseRequestedAt: timestamp('release_requested_at', { withTimezone: true }),
    overrideReason: text('override_reason', { enum: consentOverrideReasons }),
    /** The written justification of an override, encrypted (AAD referral_holds/…/id). */
    overrideJustificationEnc: text('override_justification_enc'),
    overrideById: uuid('override_by_id').references(() => staffUsers.id),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    ticketId: uuid('ticket_id'),
    ...timestamps,
  },
  (t) => [
    unique('referral_holds_referral_unit').on(t.referralId, t.unitId),
    index('referral_holds_pending_idx').on(t.status, t.releaseRequestedAt),
  ],
);
