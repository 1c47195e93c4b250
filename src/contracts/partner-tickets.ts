// Ticket vocabulary and the partner API's answers, shared by the server (schema, partner API)
// and the partner portal in web/. Constants and zod only: web/ imports this file, so nothing
// server-side may be imported here.
import { z } from 'zod';

export const ticketStates = [
  'pending',
  'acknowledged',
  'accepted',
  'declined',
  'in_progress',
  'on_hold',
  'completed',
  'withdrawn',
] as const;
export type TTicketState = (typeof ticketStates)[number];

export const declineReasons = [
  'no_capacity',
  'outside_mandate',
  'intake_criteria',
  'person_unreachable',
  'duplicate',
  'other',
] as const;

/** Why the hotline withdrew a referral (the partner is told; 'other' needs a note). */
export const withdrawReasons = [
  'no_longer_needed',
  'person_declined',
  'wrong_partner',
  'duplicate',
  'other',
] as const;
export type TWithdrawReason = (typeof withdrawReasons)[number];

export const outcomes = [
  'services_provided',
  'reintegrated',
  'repatriated',
  'case_filed',
  'person_declined_help',
  'lost_contact',
  'other',
] as const;

/** A service code of the catalogue (service_kinds); which ones a unit offers comes with its ticket. */
export const ZServiceCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

const isoDateTime = z.iso.datetime();
const dueAt = isoDateTime.nullable();

/** A line of the partner's inbox (GET /api/partner/tickets). */
export const ZPartnerInboxItem = z.object({
  id: z.string(),
  unitId: z.string(),
  state: z.enum(ticketStates),
  priority: z.string(),
  needs: z.array(z.string()),
  escalationLevel: z.number(),
  dueAcknowledgeAt: dueAt,
  dueDecideAt: dueAt,
  createdAt: isoDateTime,
});
export type TPartnerInboxItem = z.infer<typeof ZPartnerInboxItem>;

/** One ticket as a partner sees it: only what they need to act (GET /api/partner/tickets/:id). */
export const ZPartnerTicket = z.object({
  id: z.string(),
  state: z.enum(ticketStates),
  priority: z.string(),
  needs: z.array(z.string()),
  escalationLevel: z.number(),
  declineReason: z.string().nullable(),
  outcome: z.string().nullable(),
  dueAcknowledgeAt: dueAt,
  dueDecideAt: dueAt,
  dueUpdateAt: dueAt,
  dueResolveAt: dueAt,
  unit: z.object({ id: z.string(), kind: z.string(), nameLo: z.string(), nameEn: z.string() }),
  subject: z.record(z.string(), z.unknown()),
  events: z.array(
    z.object({
      type: z.string(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
      at: isoDateTime,
    }),
  ),
  services: z.array(
    z.object({
      service: z.string(),
      givenOn: z.string(),
      quantity: z.number(),
      endsOn: z.string().nullable(),
    }),
  ),
  /** What this unit's kind of partner can record (the service catalogue), labelled. */
  serviceKinds: z.array(z.object({ code: z.string(), lo: z.string(), en: z.string() })),
});
export type TPartnerTicket = z.infer<typeof ZPartnerTicket>;

const ZNote = z.string().trim().min(1).max(4000);

/** What a partner does with a ticket (POST /api/partner/tickets/:id/actions). */
export const ZPartnerTicketAction = z.discriminatedUnion('action', [
  z.object({
    action: z.enum(['acknowledge', 'accept', 'start', 'hold', 'resume']),
    note: ZNote.optional(),
  }),
  z.object({
    action: z.literal('decline'),
    reason: z.enum(declineReasons),
    note: ZNote.optional(),
  }),
  z.object({ action: z.literal('complete'), outcome: z.enum(outcomes), note: ZNote.optional() }),
]);
export type TPartnerTicketAction = z.input<typeof ZPartnerTicketAction>;

export const ZPartnerNoteBody = z.object({ note: ZNote });
/** A service event: how many times it was given that day; a stay may say when it ended. */
export const ZPartnerServiceBody = z
  .object({
    service: ZServiceCode,
    givenOn: z.iso.date(),
    quantity: z.int().min(1).max(1000).default(1),
    endsOn: z.iso.date().optional(),
    note: ZNote.optional(),
  })
  .refine((b) => b.endsOn === undefined || b.endsOn >= b.givenOn, {
    message: 'endsOn is before givenOn',
    path: ['endsOn'],
  });
export type TPartnerServiceBody = z.input<typeof ZPartnerServiceBody>;

/** The answer to an action, a note or a service: the ticket's new state and version. */
export const ZPartnerTicketChanged = z.object({
  id: z.string(),
  state: z.enum(ticketStates),
  version: z.number(),
});

/** An SMS link's token, exchanged once for a session on that one ticket. */
export const ZMagicLinkOpen = z.object({ token: z.string().min(20).max(100) });
export const ZMagicLinkOpened = z.object({ ticketId: z.string() });
