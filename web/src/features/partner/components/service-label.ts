import type { TTicket } from '../api/partner.api';

/**
 * A service's label from the catalogue that came with the ticket (service_kinds), in the screen's
 * language; a service no longer in the unit's catalogue keeps its code rather than a blank.
 */
export function serviceLabel(ticket: TTicket, code: string, language: string): string {
  const kind = ticket.serviceKinds.find((k) => k.code === code);
  if (!kind) return code;
  return language === 'en' ? kind.en : kind.lo;
}
