import { followUpEscalation } from '../../src/modules/referrals/followups/dispatch-followups.service';
import {
  escalateTicket,
  overdueTicketIds,
} from '../../src/modules/referrals/tickets/escalation.service';
import type { TProcessor } from '../processor';

/** A delayed timer: escalates only if the ticket is still at that version and level. */
export const ticketSlaTimerProcessor: TProcessor<{
  ticketId: string;
  version: number;
  level: number;
}> = async (payload, { deps }) => {
  const now = new Date();
  const escalation = await escalateTicket(deps, payload.ticketId, payload, now);
  if (!escalation) return 'stale';
  await followUpEscalation(deps, escalation, now);
  return `level-${escalation.level}`;
};

/** The sweep: whatever is overdue, whether or not its timer job survived. */
export const ticketSlaSweepProcessor: TProcessor<Record<string, never>> = async (_p, { deps }) => {
  const now = new Date();
  let escalated = 0;
  for (const id of await overdueTicketIds(deps.db, now)) {
    const escalation = await escalateTicket(deps, id, null, now);
    if (!escalation) continue;
    await followUpEscalation(deps, escalation, now);
    escalated += 1;
  }
  return { escalated };
};
