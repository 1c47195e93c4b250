import { and, desc, gt, inArray, lte, or } from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import { cases } from '../../../../../db/schema/cases';
import { partnerUnits } from '../../../../../db/schema/partners';
import { referrals } from '../../../../../db/schema/referrals';
import { tickets } from '../../../../../db/schema/tickets';
import type { TDatabase } from '../../../../infra/database';
import type { TActor } from '../../../../modules/auth/actor';
import { can } from '../../../../modules/auth/permissions.policy';
import { openTicketStates } from '../../../../modules/referrals/tickets/tickets.repository';
import { inboxReason } from './escalations-inbox.policy';

/**
 * Open tickets that were escalated or whose running due time has passed, in the reader's
 * hotlines, most escalated first. Codes and names of partner units only; nothing about the person.
 */
export async function escalationInbox(db: TDatabase, actor: TActor, now = new Date()) {
  const rows = await db
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
  return rows.flatMap((r) => {
    const reason = inboxReason(r, now);
    if (!reason || !can(actor, 'escalation.view', { hotline: r.hotline })) return [];
    return [
      {
        ticketId: r.ticketId,
        caseId: r.caseId,
        caseCode: r.caseCode,
        hotline: r.hotline,
        unitNameLo: r.unitNameLo,
        unitNameEn: r.unitNameEn,
        needs: r.needs,
        priority: r.priority,
        state: r.state,
        escalationLevel: r.escalationLevel,
        timer: reason.timer,
        dueAt: reason.dueAt?.toISOString() ?? null,
        overdue: reason.overdue,
      },
    ];
  });
}
