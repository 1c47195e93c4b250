import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { calls } from './calls';
import { cases } from './cases';
import { timestamps } from './columns';
import { staffUsers } from './staff';

import {
  callerTypes,
  contactChannels,
  contactTypes,
  safeToTalkAnswers,
} from '../../src/contracts/contact-vocabulary';

export { callerTypes, contactChannels, contactTypes, safeToTalkAnswers };

/**
 * One interaction. Caller number, name, summary, safe call-back window and code word are
 * encrypted (AAD contacts/<column>/id); the number is also kept as a keyed HMAC for repeat-caller
 * lookup. Everything the statistics count stays in plain typed columns.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    callId: uuid('call_id').references(() => calls.id, { onDelete: 'set null' }),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    hotline: text('hotline').notNull(),
    channel: text('channel', { enum: contactChannels }).notNull(),
    language: text('language').notNull(),
    interpreterUsed: boolean('interpreter_used').notNull().default(false),
    /** The caller needs an interpreter to be helped (carried to the person and every ticket). */
    interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
    interpreterLanguage: text('interpreter_language'),
    callerType: text('caller_type', { enum: callerTypes }).notNull(),
    contactType: text('contact_type', { enum: contactTypes }).notNull(),
    categoryCode: text('category_code'),
    subcategoryCode: text('subcategory_code'),
    /** Reasons for contact, Child Helpline International's categories (victim-profile.ts). */
    contactReasons: text('contact_reasons').array().notNull().default([]),
    /** The hotline's form version the contact was entered with (form_definitions). */
    formVersion: integer('form_version'),
    callerProvinceCode: text('caller_province_code'),
    callerPhoneEnc: text('caller_phone_enc'),
    callerPhoneHash: text('caller_phone_hash'),
    callerNameEnc: text('caller_name_enc'),
    summaryEnc: text('summary_enc'),
    safeToTalk: text('safe_to_talk', { enum: safeToTalkAnswers }).notNull().default('unknown'),
    safeCallbackWindowEnc: text('safe_callback_window_enc'),
    codeWordEnc: text('code_word_enc'),
    noSms: boolean('no_sms').notNull().default(false),
    noVoicemail: boolean('no_voicemail').notNull().default(false),
    /** Who talked to the caller; differs from recordedBy for an offline contact. */
    counsellorId: uuid('counsellor_id').references(() => staffUsers.id),
    recordedById: uuid('recorded_by_id').references(() => staffUsers.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    durationSeconds: integer('duration_seconds'),
    ...timestamps,
  },
  (t) => [
    index('contacts_case_idx').on(t.caseId),
    index('contacts_call_idx').on(t.callId),
    index('contacts_phone_hash_idx').on(t.callerPhoneHash),
    index('contacts_hotline_occurred_idx').on(t.hotline, t.occurredAt),
    // Report aggregates: contacts changed since the last refresh.
    index('contacts_updated_idx').on(t.updatedAt),
  ],
);

import { callerFlagKinds } from '../../src/contracts/records-vocabulary';

export { callerFlagKinds };

/** Flags a counsellor sees when a number calls again; keyed by the phone HMAC only. */
export const callerFlags = pgTable(
  'caller_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phoneHash: text('phone_hash').notNull(),
    hotline: text('hotline').notNull(),
    kind: text('kind', { enum: callerFlagKinds }).notNull(),
    until: timestamp('until', { withTimezone: true, mode: 'date' }),
    createdById: uuid('created_by_id').references(() => staffUsers.id),
    ...timestamps,
  },
  (t) => [index('caller_flags_phone_hash_idx').on(t.phoneHash)],
);
