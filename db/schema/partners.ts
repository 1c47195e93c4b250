import { boolean, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { partnerKinds } from '../../src/contracts/partner-directory';
import { timestamps } from './columns';
import { organisations } from './reference';

// The partner directory: units of the organisations in reference.ts and how to reach them.

export { partnerKinds, type TPartnerKind } from '../../src/contracts/partner-directory';

/** Opening hours in Asia/Vientiane (UTC+7, no daylight saving); `alwaysOpen` for 24/7 units. */
export type TPartnerHours = {
  alwaysOpen: boolean;
  /** ISO weekday 1 (Monday) … 7 (Sunday) → list of [open, close) in HH:MM. */
  weekly: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Array<[string, string]>>>;
  /** Closed dates (YYYY-MM-DD), Lao public holidays included. */
  holidays: string[];
};

/** Who the unit takes in; an empty list means "any". */
export type TIntakeCriteria = {
  sexes: string[];
  minAge: number | null;
  maxAge: number | null;
  nationalities: string[];
};

/** Focal points are partner staff, reached through their portal account and/or a work phone. */
export type TFocalPoint = {
  role: 'focal_point' | 'manager';
  staffUserId: string | null;
  label: string;
  smsNumber: string | null;
};

export const partnerUnits = pgTable('partner_units', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationKey: text('organisation_key')
    .notNull()
    .references(() => organisations.key),
  nameLo: text('name_lo').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind', { enum: partnerKinds }).notNull(),
  services: text('services').array().notNull().default([]),
  provinces: text('provinces').array().notNull().default([]),
  languages: text('languages').array().notNull().default([]),
  hours: jsonb('hours')
    .$type<TPartnerHours>()
    .notNull()
    .default({ alwaysOpen: true, weekly: {}, holidays: [] }),
  intake: jsonb('intake')
    .$type<TIntakeCriteria>()
    .notNull()
    .default({ sexes: [], minAge: null, maxAge: null, nationalities: [] }),
  focalPoints: jsonb('focal_points').$type<TFocalPoint[]>().notNull().default([]),
  /** Partner staff use the portal (live push) — false for units reached only by SMS/webhook. */
  usesSystem: boolean('uses_system').notNull().default(true),
  webhookUrl: text('webhook_url'),
  /** HMAC secret, encrypted with the application keyring (bound to this row). */
  webhookSecretEnc: text('webhook_secret_enc'),
  smsNumbers: text('sms_numbers').array().notNull().default([]),
  active: boolean('active').notNull().default(true),
  ...timestamps,
});
