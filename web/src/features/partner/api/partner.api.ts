import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  declineReasons,
  outcomes,
  partnerServices,
  ticketStates,
  type TTicketState,
} from '../../../../../src/contracts/partner-tickets';

export { declineReasons, outcomes, partnerServices, ticketStates, type TTicketState };

const date = z.string().nullable();

const ZInboxItem = z.object({
  id: z.string(),
  unitId: z.string(),
  state: z.enum(ticketStates),
  priority: z.string(),
  needs: z.array(z.string()),
  escalationLevel: z.number(),
  dueAcknowledgeAt: date,
  dueDecideAt: date,
  createdAt: z.string(),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;

const ZTicket = z.object({
  id: z.string(),
  state: z.enum(ticketStates),
  priority: z.string(),
  needs: z.array(z.string()),
  escalationLevel: z.number(),
  declineReason: z.string().nullable(),
  outcome: z.string().nullable(),
  dueAcknowledgeAt: date,
  dueDecideAt: date,
  dueUpdateAt: date,
  dueResolveAt: date,
  unit: z.object({ id: z.string(), kind: z.string(), nameLo: z.string(), nameEn: z.string() }),
  subject: z.record(z.string(), z.unknown()),
  events: z.array(
    z.object({
      type: z.string(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
      at: z.string(),
    }),
  ),
  services: z.array(z.object({ service: z.string(), givenOn: z.string() })),
});
export type TTicket = z.infer<typeof ZTicket>;

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
  body: { service: (typeof partnerServices)[number]; givenOn: string; note?: string },
) => api.post(`${base}/tickets/${id}/services`, body);
export const openMagicLink = (token: string) =>
  api.post(`${base}/magic-link`, { token }, z.object({ ticketId: z.string() }));
