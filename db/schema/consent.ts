import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from './people';
import { staffUsers } from './staff';

import { childConsentRules, consentScopes } from '../../src/contracts/consent-requirements';
import { partnerKinds } from '../../src/contracts/partner-directory';

export { consentScopes, type TConsentScope } from '../../src/contracts/consent-requirements';
import { consentGivers, consentMethods } from '../../src/contracts/records-vocabulary';

export { consentGivers, consentMethods };

/**
 * Consent per person and scope, versioned: a change is a new row with the next version, never an
 * update. The latest version per (person, scope) is the one in force.
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    scope: text('scope', { enum: consentScopes }).notNull(),
    version: integer('version').notNull(),
    granted: boolean('granted').notNull(),
    givenBy: text('given_by', { enum: consentGivers }).notNull(),
    method: text('method', { enum: consentMethods }).notNull(),
    recordedById: uuid('recorded_by_id').references(() => staffUsers.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    unique('consents_person_scope_version').on(t.personId, t.scope, t.version),
    index('consents_person_idx').on(t.personId),
  ],
);

/**
 * Which consent each kind of partner needs, as administrators set it: append-only, a change is
 * the next version for that kind; the highest version per kind is in force. A kind with no row
 * follows `defaultConsentRequirements` (what the seed writes as version 1).
 */
export const consentRequirements = pgTable(
  'consent_requirements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerKind: text('partner_kind', { enum: partnerKinds }).notNull(),
    version: integer('version').notNull(),
    /** Null: this kind needs no consent. */
    scope: text('scope', { enum: consentScopes }),
    childRule: text('child_rule', { enum: childConsentRules }).notNull(),
    changedById: uuid('changed_by_id').references(() => staffUsers.id),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [unique('consent_requirements_kind_version').on(t.partnerKind, t.version)],
);
