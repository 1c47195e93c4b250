import { z } from 'zod';
import { ZErrorBody } from '../../error.schema';
import {
  declineReasons,
  outcomes,
  ZPartnerInboxItem,
  ZPartnerNoteBody,
  ZPartnerServiceBody,
  ZPartnerTicket,
  ZPartnerTicketAction,
  ZPartnerTicketChanged,
} from '../../../contracts/partner-tickets';

export { declineReasons, outcomes };

export const ZTicketId = z.object({ id: z.string().uuid() });

export const ZInboxQuery = z.object({
  box: z.enum(['new', 'mine', 'unit']).default('new'),
  unitId: z.string().uuid().optional(),
});

/** The requests' and answers' shapes are the portal's too: one contract in src/contracts. */
export {
  ZPartnerInboxItem as ZInboxItem,
  ZPartnerTicket as ZTicketView,
  ZPartnerTicketAction as ZAction,
  ZPartnerNoteBody as ZNoteBody,
  ZPartnerServiceBody as ZServiceBody,
  ZPartnerTicketChanged as ZChanged,
};

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
