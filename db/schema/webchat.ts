import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

/**
 * The partner websites that may embed a hotline's web chat (`https://partner.example`, an origin
 * exactly as a browser sends it). Any other page's handshake is refused.
 */
export const webchatOrigins = pgTable(
  'webchat_origins',
  {
    hotline: text('hotline').notNull(),
    origin: text('origin').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.hotline, t.origin] })],
);

/**
 * Web chat visitors blocked for abuse, by the keyed hash of their network address only (a web
 * visitor has no number). Always with an end: one address can be a whole mobile network's exit,
 * and a block must not shut out the next person who needs help for longer than asked.
 */
export const webchatBlocks = pgTable(
  'webchat_blocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitorHash: text('visitor_hash').notNull(),
    /** Null blocks the visitor on every hotline's chat. */
    hotline: text('hotline'),
    reason: text('reason').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by'),
    ...timestamps,
  },
  (t) => [index('webchat_blocks_visitor_hash_idx').on(t.visitorHash)],
);
