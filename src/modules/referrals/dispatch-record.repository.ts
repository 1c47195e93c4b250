import type { referrals } from '../../../db/schema/referrals';
import type { TConfig } from '../../config/config';
import { recordAudit } from '../audit/audit.repository';
import { appendTimeline } from '../cases/case-timeline.repository';
import type { TTx } from '../tickets/tickets.repository';

/**
 * What the worker decided, on the case timeline, in the dispatch transaction. A consent override
 * and a consent block each also get an audit row.
 */
export async function recordDispatch(
  tx: TTx,
  config: TConfig,
  referral: typeof referrals.$inferSelect,
  outcome: {
    status: string;
    ticketIds: string[];
    blockedUnitIds: string[];
    unrouted: string[];
    consentOverridden: boolean;
  },
): Promise<void> {
  const data = {
    status: outcome.status,
    ticketIds: outcome.ticketIds,
    blockedUnitIds: outcome.blockedUnitIds,
    unroutedNeeds: outcome.unrouted,
  };
  await appendTimeline(tx, {
    caseId: referral.caseId,
    kind: 'referral.updated',
    actorId: null,
    refId: referral.id,
    data: { referralId: referral.id, change: 'dispatched', ...data },
  });
  // The audit chain takes one global lock per row: the routine outcome goes to the timeline
  // only, the decisions about consent are audited.
  const entity = { actorId: null, entityType: 'referral', entityId: referral.id };
  if (outcome.consentOverridden)
    await recordAudit(tx, config, {
      ...entity,
      action: 'referral.consent_overridden',
      data: { requestedBy: referral.requestedBy, ticketIds: outcome.ticketIds },
    });
  if (outcome.blockedUnitIds.length)
    await recordAudit(tx, config, {
      ...entity,
      action: 'referral.consent_blocked',
      data: { blockedUnitIds: outcome.blockedUnitIds },
    });
}
