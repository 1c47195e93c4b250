import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  declineReasons,
  outcomes,
  ticketStates,
  ZPartnerInboxItem,
  ZPartnerTicket,
  type TPartnerInboxItem,
  type TPartnerTicket,
  type TTicketState,
} from '../../../../../src/contracts/partner-tickets';

export { declineReasons, outcomes, ticketStates, type TTicketState };

const ZInboxItem = ZPartnerInboxItem;
export type TInboxItem = TPartnerInboxItem;
const ZTicket = ZPartnerTicket;
export type TTicket = TPartnerTicket;

export type TTicketAction =
  | { action: 'acknowledge' | 'accept' | 'start' | 'hold' | 'resume'; note?: string }
  | { action: 'decline'; reason: (typeof declineReasons)[number]; note?: string }
  | { action: 'complete'; outcome: (typeof outcomes)[number]; note?: string };

const base = '/api/partner';
const ZChanged = z.object({ id: z.string(), state: z.enum(ticketStates), version: z.number() });

export const fetchInbox = (box: 'new' | 'mine' | 'unit') =>
  api.get(`${base}/tickets`, z.array(ZInboxItem), { query: { box } });
export const fetchTicket = (id: string) => api.get(`${base}/tickets/${id}`, ZTicket);
export const actOnTicket = (id: string, action: TTicketAction) =>
  api.post(`${base}/tickets/${id}/actions`, action, ZChanged);
export const addNote = (id: string, note: string) =>
  api.post(`${base}/tickets/${id}/notes`, { note });
export const recordService = (
  id: string,
  body: { service: string; givenOn: string; quantity: number; note?: string },
) => api.post(`${base}/tickets/${id}/services`, body);
export const openMagicLink = (token: string) =>
  api.post(`${base}/magic-link`, { token }, z.object({ ticketId: z.string() }));
