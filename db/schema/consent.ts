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

export const consentScopes = [
  'case_management',
  'share_with_service_providers',
  'report_to_police',
  'share_with_labour_authority',
  'anonymised_statistics',
  'follow_up_contact',
] as const;
export type TConsentScope = (typeof consentScopes)[number];
export const consentGivers = ['self', 'parent_or_guardian', 'legal_representative'] as const;
export const consentMethods = [
  'verbal_phone',
  'verbal_in_person',
  'written',
  'electronic',
] as const;

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
