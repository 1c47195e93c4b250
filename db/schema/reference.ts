import { boolean, jsonb, pgTable, primaryKey, text, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

// Reference data seeded from shared/reference: provinces, organisations, taxonomy terms.

export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(), // ISO 3166-2:LA, e.g. LA-VT
  nameLo: text('name_lo').notNull(),
  nameEn: text('name_en').notNull(),
  ...timestamps,
});

export const specialEconomicZones = pgTable('special_economic_zones', {
  code: text('code').primaryKey(),
  provinceCode: text('province_code')
    .notNull()
    .references(() => provinces.code),
  nameLo: text('name_lo').notNull(),
  nameEn: text('name_en').notNull(),
  ...timestamps,
});

export const organisations = pgTable('organisations', {
  key: text('key').primaryKey(),
  kind: text('kind').notNull(),
  nameLo: text('name_lo').notNull(),
  nameEn: text('name_en').notNull(),
  does: text('does').notNull().default(''),
  usesSystem: boolean('uses_system').notNull().default(true),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  ...timestamps,
});

/** Codes and labels from taxonomy.json: exploitation forms, services, counselling modes, languages. */
export const taxonomyTerms = pgTable(
  'taxonomy_terms',
  {
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    labelLo: text('label_lo'),
    labelEn: text('label_en').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
);

/**
 * The categories a case or contact is filed under, and their subcategories (a row with a parent).
 * Codes sent by the desk are looked up here, so free text never reaches the reports.
 */
export const categories = pgTable('categories', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code').references((): AnyPgColumn => categories.code),
  labelLo: text('label_lo').notNull(),
  labelEn: text('label_en').notNull(),
  ...timestamps,
});
