import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  ZMagicLinkOpened,
  ZPartnerInboxItem,
  ZPartnerTicket,
  ZPartnerTicketChanged,
  type TPartnerServiceBody,
  type TPartnerTicketAction,
} from '../../../../../src/contracts/partner-tickets';

export {
  declineReasons,
  outcomes,
  ticketStates,
  type TPartnerInboxItem as TInboxItem,
  type TPartnerTicket as TTicket,
  type TPartnerTicketAction as TTicketAction,
  type TTicketState,
} from '../../../../../src/contracts/partner-tickets';

const base = '/api/partner';

export const fetchInbox = (box: 'new' | 'mine' | 'unit') =>
  api.get(`${base}/tickets`, z.array(ZPartnerInboxItem), { query: { box } });
export const fetchTicket = (id: string) => api.get(`${base}/tickets/${id}`, ZPartnerTicket);
export const actOnTicket = (id: string, action: TPartnerTicketAction) =>
  api.post(`${base}/tickets/${id}/actions`, action, ZPartnerTicketChanged);
export const addNote = (id: string, note: string) =>
  api.post(`${base}/tickets/${id}/notes`, { note });
export const recordService = (id: string, body: TPartnerServiceBody) =>
  api.post(`${base}/tickets/${id}/services`, body);
export const openMagicLink = (token: string) =>
  api.post(`${base}/magic-link`, { token }, ZMagicLinkOpened);
