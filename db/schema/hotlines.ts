import { boolean, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

export type TOpeningHours = {
  /** ISO weekday 1 (Monday) … 7 (Sunday) → list of [open, close) in HH:MM, Asia/Vientiane. */
  weekly: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Array<[string, string]>>>;
  /** Dates (YYYY-MM-DD, Asia/Vientiane) on which the hotline is closed. */
  holidays: string[];
};

export const hotlines = pgTable('hotlines', {
  number: text('number').primaryKey(), // the short code callers dial: 1362, 1554, 1512
  nameLo: text('name_lo').notNull(),
  nameEn: text('name_en').notNull(),
  organisationKey: text('organisation_key'),
  /** Number in E.164 that Twilio delivers (and that call-backs show as caller ID). */
  phoneNumber: text('phone_number').notNull(),
  languages: text('languages').array().notNull(),
  defaultLanguage: text('default_language').notNull().default('lo'),
  openingHours: jsonb('opening_hours').$type<TOpeningHours>().notNull(),
  afterHours: text('after_hours', { enum: ['voicemail', 'forward'] })
    .notNull()
    .default('voicemail'),
  dutyMobile: text('duty_mobile'),
  recordingNotice: boolean('recording_notice').notNull().default(false),
  /** After the counsellor hangs up, ask the caller one keypad question (did you get help?). Off by default. */
  afterCallQuestion: boolean('after_call_question').notNull().default(false),
  active: boolean('active').notNull().default(true),
  ...timestamps,
});
