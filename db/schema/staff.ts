import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { answerOnChoices } from '../../src/contracts/api/answer-on';
import { staffRoles } from '../../src/contracts/staff-users';

export { staffRoles, type TStaffRole } from '../../src/contracts/staff-users';

/** Where an offered call rings once accepted: the console's softphone or the counsellor's mobile. */
export {
  answerOnChoices,
  type TAnswerOnChoice as TAnswerOn,
} from '../../src/contracts/api/answer-on';

export const staffUsers = pgTable('staff_users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: staffRoles }).notNull(),
  /** argon2id PHC string. */
  passwordHash: text('password_hash').notNull(),
  /** TOTP secret, encrypted with the application keyring (see modules/crypto). */
  totpSecretEnc: text('totp_secret_enc'),
  /**
   * No longer read: whether a second factor is needed is decided per role, by the absence of a row
   * in second_factor_exemptions. Kept so the schema change stays additive.
   */
  totpRequired: boolean('totp_required').notNull().default(false),
  /** Set by an administrator's reset: nothing but a password change works until the user chooses one. */
  passwordChangeRequired: boolean('password_change_required').notNull().default(false),
  /** Scope: hotlines served, organisation (partners), province. */
  hotlines: text('hotlines').array().notNull().default([]),
  languages: text('languages').array().notNull().default([]),
  organisationKey: text('organisation_key'),
  provinceCode: text('province_code'),
  /** The counsellor's own mobile (E.164), encrypted like the TOTP secret: personal data. */
  mobileEnc: text('mobile_enc'),
  answerOn: text('answer_on', { enum: answerOnChoices }).notNull().default('browser'),
  /**
   * Capacity per channel (modules/routing/capacity.policy): calls and chats at once, and whether
   * a call may be offered while she holds chats. Defaults are the policy's: 1 call, 3 chats, no.
   */
  voiceCapacity: integer('voice_capacity').notNull().default(1),
  chatCapacity: integer('chat_capacity').notNull().default(3),
  callsWhileChatting: boolean('calls_while_chatting').notNull().default(false),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  ...timestamps,
});

/**
 * Roles an administrator has let sign in with a password alone. Every staff role needs TOTP unless
 * its row is here, and a row cannot exist without the written reason (audited on set and removal).
 */
export const secondFactorExemptions = pgTable('second_factor_exemptions', {
  role: text('role', { enum: staffRoles }).primaryKey(),
  reason: text('reason').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => staffUsers.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Passkeys (WebAuthn credentials) a staff member registered as their second factor, the friendlier
 * choice beside TOTP: nothing to type, and bound to our address so a look-alike site cannot reuse
 * it. Only the public key is kept; it proves nothing without the device, so it is not encrypted.
 */
export const staffPasskeys = pgTable(
  'staff_passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    /** The authenticator's credential id, base64url as WebAuthn carries it. */
    credentialId: text('credential_id').notNull().unique(),
    /** COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    /** Signature counter: a value that goes backwards means a cloned authenticator. */
    signCount: bigint('sign_count', { mode: 'number' }).notNull().default(0),
    transports: text('transports').array().notNull().default([]),
    /** What the person called it ("office laptop"), so they know which one to remove. */
    label: text('label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('staff_passkeys_user_idx').on(t.userId)],
);
