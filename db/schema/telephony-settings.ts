import {
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** Recorded prompt audio per hotline, prompt and language; missing rows fall back to placeholders. */
export const promptAudio = pgTable(
  'prompt_audio',
  {
    hotline: text('hotline').notNull(),
    prompt: text('prompt').notNull(),
    language: text('language').notNull(),
    contentType: text('content_type').notNull(),
    audio: bytea('audio').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.hotline, t.prompt, t.language] })],
);

/** Callers blocked from a hotline (abuse), by phone HMAC only; `expires_at` null = until lifted. */
export const blockedCallers = pgTable(
  'blocked_callers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phoneHash: text('phone_hash').notNull(),
    /** The last three digits only, so administrators can tell entries apart in a list. */
    phoneLast: text('phone_last'),
    /** Null blocks the number on every hotline. */
    hotline: text('hotline'),
    reason: text('reason').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by'),
    ...timestamps,
  },
  (t) => [index('blocked_callers_phone_hash_idx').on(t.phoneHash)],
);

/**
 * Every recording of a prompt, kept: a recording made in the browser waits here as a draft until
 * an administrator approves it (then it is copied into prompt_audio, what callers hear); a file
 * uploaded directly is approved at once. Older versions stay so a prompt can be put back.
 */
export const promptVersions = pgTable(
  'prompt_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hotline: text('hotline').notNull(),
    prompt: text('prompt').notNull(),
    language: text('language').notNull(),
    version: integer('version').notNull(),
    contentType: text('content_type').notNull(),
    audio: bytea('audio').notNull(),
    /** How it was made: recorded in the browser, or a file uploaded. */
    source: text('source', { enum: ['recorded', 'uploaded'] }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('prompt_versions_slot_version_idx').on(t.hotline, t.prompt, t.language, t.version),
  ],
);
