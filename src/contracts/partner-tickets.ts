// Ticket vocabulary shared by the server (schema, partner API) and the partner portal in web/.
// Plain constants only: web/ imports this file, so nothing server-side may be imported here.

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

export const outcomes = [
  'services_provided',
  'reintegrated',
  'repatriated',
  'case_filed',
  'person_declined_help',
  'lost_contact',
  'other',
] as const;

export const partnerServices = [
  'shelter',
  'legal_aid',
  'medical',
  'education_vocational',
  'reintegration',
  'follow_up',
] as const;
