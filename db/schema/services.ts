import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

/**
 * The service catalogue: what a partner of each kind can record as given (db/seed-data/
 * service-kinds.json, seeded at start). Data, not code: a new service or a partner kind that
 * offers one more is a row, and the portal's service form lists what the unit's kind offers.
 */
export const serviceKinds = pgTable('service_kinds', {
  code: text('code').primaryKey(),
  labelLo: text('label_lo').notNull(),
  labelEn: text('label_en').notNull(),
  /** Partner unit kinds (partnerKinds) that offer the service. */
  partnerKinds: text('partner_kinds').array().notNull(),
  sort: integer('sort').notNull().default(0),
  ...timestamps,
});
