import type { TDatabase } from '../../../infra/database';
import type { TActor } from '../../auth/actor';
import { can } from '../../auth/permissions.policy';
import { escalatedOrOverdueTickets } from './escalation-inbox.repository';
import { inboxReason } from './escalation-inbox.policy';

/**
 * The supervisor's escalation inbox: open tickets escalated or past their running due time, in
 * the reader's hotlines, most escalated first.
 */
export async function escalationInbox(db: TDatabase, actor: TActor, now = new Date()) {
  const rows = await escalatedOrOverdueTickets(db, now);
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
