import { randomUUID } from 'node:crypto';
import type { TConfig } from '../../../config/config';
import type { TDatabase, TSql } from '../../../infra/database';
import type { TLoadedDelivery } from '../delivery/deliveries.repository';
import {
  pendingDeliveriesOf,
  ticketsOfReferral,
  type TTicketRow,
} from '../tickets/tickets.repository';
import { consentFactsOf } from '../consent/consent-facts.repository';
import { planDispatch } from './dispatch-plan.policy';
import { dispatchRecord } from './dispatch-record.policy';
import { readDispatchInput, writeDispatch } from './dispatch.statements';

export type TDispatchOutcome = {
  referralId: string;
  caseId: string;
  requestedBy: string;
  hotline: string | null;
  /** Every ticket of the referral, new or not, so follow-ups can be (re)scheduled idempotently. */
  tickets: TTicketRow[];
  /** Deliveries this run created, loaded: the worker attempts them at once, without a job each. */
  fresh: TLoadedDelivery[];
  /** Deliveries a re-run found still pending: they go to delivery jobs (deterministic ids). */
  pendingDeliveryIds: string[];
  blockedUnitIds: string[];
  consentOverridden: boolean;
};

/**
 * The worker's half of the outbox, in two round trips: read the referral with its rules, units
 * and consent; decide (routing, consent gate per unit); write the tickets, deliveries, timeline
 * and audit in one statement that first claims the referral out of `stored`. Run again (stalled
 * job, reconciler, a concurrent worker) it claims nothing and creates nothing.
 */
export async function dispatchReferral(
  deps: { db: TDatabase; sql: TSql; config: TConfig },
  referralId: string,
  now: Date,
): Promise<TDispatchOutcome | null> {
  const input = await readDispatchInput(deps.sql, referralId);
  if (!input) return null;
  const { referral } = input;
  const outcome = {
    referralId: referral.id,
    caseId: referral.caseId,
    requestedBy: referral.requestedBy,
    hotline: referral.hotline,
  };
  if (referral.status === 'stored') {
    const plan = planDispatch({
      referral,
      rules: input.rules,
      units: new Map(input.units.map((u) => [u.id, u])),
      facts: consentFactsOf(deps.config, referral, input.consents),
      requirements: input.requirements,
      now,
      newId: randomUUID,
    });
    const written = await writeDispatch(
      deps.sql,
      referral,
      plan,
      dispatchRecord(referral, plan),
      now,
    );
    if (written.claimed && written.ticketIds.length === plan.tickets.length)
      return {
        ...outcome,
        tickets: plan.tickets.map((t) => t.ticket),
        fresh: plan.tickets.flatMap(({ ticket, unit, deliveries }) =>
          deliveries.map((delivery) => ({ delivery, ticket, unit, referral })),
        ),
        pendingDeliveryIds: [],
        blockedUnitIds: plan.blockedUnitIds,
        consentOverridden: plan.consentOverridden,
      };
    // Another run claimed it first, or a ticket for a unit already existed: what is stored
    // is the truth, read below.
  }
  const all = await ticketsOfReferral(deps.db, referral.id);
  return {
    ...outcome,
    tickets: all,
    fresh: [],
    pendingDeliveryIds: await pendingDeliveriesOf(
      deps.db,
      all.map((t) => t.id),
    ),
    blockedUnitIds: [],
    consentOverridden: false,
  };
}
