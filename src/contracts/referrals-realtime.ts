import type { TTicketState } from './partner-tickets';

/**
 * Live referral events pushed by the API and the workers through the Socket.IO Redis emitter.
 * Ids and codes only: the browser fetches what its user may see through the API. Part of the
 * one server→client map, `TServerToClientEvents` in ./realtime.
 */
export type TTicketUpdated = {
  ticketId: string;
  referralId: string;
  state: TTicketState;
  /** What happened: created, acknowledged, accepted, escalated, service_recorded, … */
  change: string;
  escalationLevel: number;
};

export type TDeliveryFailed = { deliveryId: string; ticketId: string; channel: string };

export type TReferralServerEvents = {
  /** To the partner organisation's room, the counsellor who asked, and the supervisors. */
  'ticket:updated': (payload: TTicketUpdated) => void;
  'delivery:failed': (payload: TDeliveryFailed) => void;
  'referral:consent-overridden': (payload: { referralId: string }) => void;
};

/** A partner organisation's room; its users join it on connect (org scope, never another's). */
export const organisationRoom = (organisationKey: string) => `organisation:${organisationKey}`;
