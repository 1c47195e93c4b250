import { ticketStates } from '../../src/contracts/partner-tickets';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { partnerUnits } from './partners';
import { referrals } from './referrals';

export { ticketStates, type TTicketState } from '../../src/contracts/partner-tickets';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One partner unit's part of a referral. The unique key makes a duplicate ticket impossible. */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => partnerUnits.id),
    /** Denormalised scope: partner users see tickets of their own organisation only. */
    organisationKey: text('organisation_key').notNull(),
    caseId: uuid('case_id').notNull(),
    needs: text('needs').array().notNull(),
    priority: text('priority').notNull(),
    alternateUnitId: uuid('alternate_unit_id'),
    /** The ticket this one replaces after escalation to the alternate partner. */
    replacesTicketId: uuid('replaces_ticket_id'),
    state: text('state', { enum: ticketStates }).notNull().default('pending'),
    /** Bumped on every change: SLA timer jobs carry it and do nothing when it moved on. */
    version: integer('version').notNull().default(1),
    escalationLevel: integer('escalation_level').notNull().default(0),
    assignedUserId: uuid('assigned_user_id'),
    declineReason: text('decline_reason'),
    outcome: text('outcome'),
    dueAcknowledgeAt: at('due_acknowledge_at'),
    dueDecideAt: at('due_decide_at'),
    dueUpdateAt: at('due_update_at'),
    dueResolveAt: at('due_resolve_at'),
    ...timestamps,
  },
  (t) => [
    unique('tickets_referral_unit_key').on(t.referralId, t.unitId),
    index('tickets_org_state_idx').on(t.organisationKey, t.state),
  ],
);

/** Append-only history of a ticket; also mirrored onto the case timeline. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    actorKind: text('actor_kind', { enum: ['staff', 'partner', 'magic_link', 'system'] }).notNull(),
    actorId: uuid('actor_id'),
    /** Codes only (reason, service, level); free text such as notes is stored encrypted. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    noteEnc: text('note_enc'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.id)],
);

/**
 * Service events: a service given on a day, `quantity` times (three escorts to hospital on one day
 * are one row of quantity 3). Recorded by a partner on its ticket, or by staff for an organisation
 * that does not use the system (no ticket: `organisation_key` and, when known, `person_id` say
 * who gave it to whom). Feeds the case and the national statistics (people and times).
 */
export const ticketServices = pgTable(
  'ticket_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    caseId: uuid('case_id').notNull(),
    /** The person served when recorded without a ticket; else the referral's person. */
    personId: uuid('person_id'),
    /** The organisation that gave it, when recorded by staff without a ticket. */
    organisationKey: text('organisation_key'),
    service: text('service').notNull(),
    givenOn: text('given_on').notNull(),
    quantity: integer('quantity').notNull().default(1),
    /** For a stay (shelter): the day the person left; null while they are still there. */
    endsOn: text('ends_on'),
    recordedBy: uuid('recorded_by'),
    ...timestamps,
  },
  // Report aggregates: services recorded since the last refresh.
  (t) => [index('ticket_services_updated_idx').on(t.updatedAt)],
);

export const deliveryChannels = ['portal', 'webhook', 'sms'] as const;

/** One notification on one channel. Its id is the idempotency key the partner sees. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    channel: text('channel', { enum: deliveryChannels }).notNull(),
    /** What happened: ticket.created, ticket.escalated-2 … (one delivery per ticket, channel, event). */
    event: text('event').notNull(),
    /** Who on the partner side it is for: the unit's own channels, its focal point or its manager. */
    audience: text('audience', { enum: ['unit', 'focal_point', 'manager'] })
      .notNull()
      .default('unit'),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: at('delivered_at'),
    failedAt: at('failed_at'),
    ...timestamps,
  },
  (t) => [
    unique('deliveries_ticket_channel_event_key').on(t.ticketId, t.channel, t.event, t.audience),
    index('deliveries_status_idx').on(t.status),
  ],
);

/** Single-use, expiring link sent by SMS; exchanging it opens a session scoped to one ticket. */
export const magicLinks = pgTable('magic_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  ticketId: uuid('ticket_id')
    .notNull()
    .references(() => tickets.id),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
  sessionHash: text('session_hash').unique(),
  sessionExpiresAt: at('session_expires_at'),
  ...timestamps,
});
