import { customType, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
