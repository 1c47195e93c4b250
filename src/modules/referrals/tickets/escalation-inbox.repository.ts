import { and, desc, eq, gt, inArray, lte, or } from 'drizzle-orm';
import { cases } from '../../../../db/schema/cases';
import { partnerUnits } from '../../../../db/schema/partners';
import { referrals } from '../../../../db/schema/referrals';
import { tickets } from '../../../../db/schema/tickets';
import type { TDatabase } from '../../../infra/database';
import { openTicketStates } from './tickets.repository';

/**
 * Open tickets that were escalated or whose running due time has passed, most escalated first
 * (at most 500). Codes and names of partner units only; nothing about the person.
 */
export async function escalatedOrOverdueTickets(db: TDatabase, now: Date) {
  return db
    .select({
      ticketId: tickets.id,
      caseId: tickets.caseId,
      caseCode: cases.code,
      hotline: referrals.hotline,
      unitNameLo: partnerUnits.nameLo,
      unitNameEn: partnerUnits.nameEn,
      needs: tickets.needs,
      priority: tickets.priority,
      state: tickets.state,
      escalationLevel: tickets.escalationLevel,
      dueAcknowledgeAt: tickets.dueAcknowledgeAt,
      dueDecideAt: tickets.dueDecideAt,
      dueUpdateAt: tickets.dueUpdateAt,
      dueResolveAt: tickets.dueResolveAt,
      updatedAt: tickets.updatedAt,
    })
    .from(tickets)
    .innerJoin(referrals, eq(referrals.id, tickets.referralId))
    .innerJoin(cases, eq(cases.id, tickets.caseId))
    .innerJoin(partnerUnits, eq(partnerUnits.id, tickets.unitId))
    .where(
      and(
        inArray(tickets.state, openTicketStates),
        or(
          gt(tickets.escalationLevel, 0),
          lte(tickets.dueAcknowledgeAt, now),
          lte(tickets.dueDecideAt, now),
          lte(tickets.dueUpdateAt, now),
          lte(tickets.dueResolveAt, now),
        ),
      ),
    )
    .orderBy(desc(tickets.escalationLevel), desc(tickets.updatedAt))
    .limit(500);
}
