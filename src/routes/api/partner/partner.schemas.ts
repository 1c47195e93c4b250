import { z } from 'zod';
import { ticketStates } from '../../../contracts/partner-tickets';
import { ZErrorBody } from '../../error.schema';
import {
  declineReasons,
  outcomes,
  ZPartnerInboxItem,
  ZPartnerTicket,
  ZServiceCode,
} from '../../../contracts/partner-tickets';

export { declineReasons, outcomes };

const ZNote = z.string().trim().min(1).max(4000);

export const ZTicketId = z.object({ id: z.string().uuid() });

export const ZAction = z.discriminatedUnion('action', [
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

export const ZNoteBody = z.object({ note: ZNote });
/** A service event: how many times it was given that day; a stay may say when it ended. */
export const ZServiceBody = z
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

export const ZInboxQuery = z.object({
  box: z.enum(['new', 'mine', 'unit']).default('new'),
  unitId: z.string().uuid().optional(),
});

/** The answers' shapes are the portal's too: one contract in src/contracts. */
export { ZPartnerInboxItem as ZInboxItem, ZPartnerTicket as ZTicketView };

export const ZChanged = z.object({
  id: z.string(),
  state: z.enum(ticketStates),
  version: z.number(),
});

export const partnerErrors = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  422: ZErrorBody,
};

/** Dates as ISO strings, the way the response schemas (and JSON) carry them. */
export function asJson<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value));
}
