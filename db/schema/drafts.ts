import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { staffUsers } from './staff';

/**
 * A contact form being typed: one per counsellor per call (`call:<CallSid>`) or offline contact
 * (`offline:<uuid>`). The whole form is one encrypted JSON value bound to the row id (derived
 * from owner and key, so a save never needs a read first); the row goes when the contact is
 * saved, and with the user.
 */
export const contactDrafts = pgTable(
  'contact_drafts',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    draftKey: text('draft_key').notNull(),
    dataEnc: text('data_enc').notNull(),
    /** When the browser last changed the form (its clock), so an older save never wins. */
    savedAt: timestamp('saved_at', { withTimezone: true, mode: 'date' }).notNull(),
    ...timestamps,
  },
  (t) => [
    unique('contact_drafts_owner_key_uq').on(t.ownerId, t.draftKey),
    index('contact_drafts_updated_idx').on(t.updatedAt),
  ],
);
