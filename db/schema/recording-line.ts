import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

/**
 * Numbers of the prompts' recording line: an administrator calls one, keys her PIN, and records
 * the prompts still missing. A line serves one hotline, or (hotline null) every hotline the
 * caller administers. The number is the hotline's own, not personal data.
 */
export const recordingLines = pgTable('recording_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** E.164, as Twilio delivers it in `To`. */
  phoneNumber: text('phone_number').notNull().unique(),
  hotline: text('hotline'),
  createdBy: uuid('created_by'),
  ...timestamps,
});

/** An administrator's PIN for the recording line: argon2id only, never the digits. */
export const recordingPins = pgTable('recording_pins', {
  userId: uuid('user_id').primaryKey(),
  pinHash: text('pin_hash').notNull(),
  setBy: uuid('set_by').notNull(),
  setAt: timestamp('set_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
