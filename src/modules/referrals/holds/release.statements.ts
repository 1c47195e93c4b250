import type { TSql } from '../../../infra/database';
import type { TPlannedTicket, TReferralRow } from '../dispatch/dispatch-plan.policy';

export type TReleasedTicket = TPlannedTicket & { holdId: string };

/**
 * Writes a release in one atomic statement: each hold that is still `held` is claimed
 * (released, its ticket id set) and only a claimed hold gets its ticket, first event and
 * delivery rows, so a second run (a repeated job, a concurrent worker) creates nothing. Holds the
 * gate still refuses stop asking to be released, unless asked again meanwhile (a consent or an
 * override committed while this ran: its own job must still find the request). The referral leaves `blocked_consent`, and the
 * timeline and the audit log say which partner was released on what basis.
 */
export async function writeRelease(
  sql: TSql,
  referral: TReferralRow,
  released: TReleasedTicket[],
  stillHeld: Array<{ id: string; requestedAt: Date }>,
  now: Date,
): Promise<string[]> {
  const at = now.toISOString();
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const planned = released.map(({ ticket, consentBasis, holdId }) => ({
    hold_id: holdId,
    id: ticket.id,
    unit_id: ticket.unitId,
    organisation_key: ticket.organisationKey,
    needs: ticket.needs,
    alternate_unit_id: ticket.alternateUnitId,
    due_acknowledge_at: iso(ticket.dueAcknowledgeAt),
    due_decide_at: iso(ticket.dueDecideAt),
    due_update_at: iso(ticket.dueUpdateAt),
    due_resolve_at: iso(ticket.dueResolveAt),
    basis: consentBasis,
    event_data: { needs: ticket.needs, consentBasis, replaces: null, releasedHold: holdId },
  }));
  const deliveries = released.flatMap((t) =>
    t.deliveries.map((d) => ({ id: d.id, ticket_id: d.ticketId, channel: d.channel })),
  );
  const [row] = await sql<Array<{ ticket_ids: string[] }>>`
    with planned as (
      select * from jsonb_to_recordset(${JSON.stringify(planned)}::jsonb) as t(
        hold_id uuid, id uuid, unit_id uuid, organisation_key text, needs text[],
        alternate_unit_id uuid, due_acknowledge_at timestamptz, due_decide_at timestamptz,
        due_update_at timestamptz, due_resolve_at timestamptz, basis text, event_data jsonb)),
    claim as (
      update referral_holds h set status = 'released', released_at = ${at}::timestamptz,
        ticket_id = p.id, release_requested_at = null, updated_at = now()
      from planned p where h.id = p.hold_id and h.status = 'held'
      returning h.id as hold_id),
    new_tickets as (
      insert into tickets (id, referral_id, unit_id, organisation_key, case_id, needs, priority,
        alternate_unit_id, due_acknowledge_at, due_decide_at, due_update_at, due_resolve_at,
        created_at, updated_at)
      select p.id, ${referral.id}::uuid, p.unit_id, p.organisation_key, ${referral.caseId}::uuid,
        p.needs, ${referral.priority}, p.alternate_unit_id, p.due_acknowledge_at,
        p.due_decide_at, p.due_update_at, p.due_resolve_at, ${at}::timestamptz,
        ${at}::timestamptz
      from planned p join claim c on c.hold_id = p.hold_id
      on conflict do nothing
      returning id),
    new_events as (
      insert into ticket_events (ticket_id, type, to_state, actor_kind, data, created_at)
      select p.id, 'created', 'pending', 'system', p.event_data, ${at}::timestamptz
      from new_tickets n join planned p on p.id = n.id),
    new_deliveries as (
      insert into deliveries (id, ticket_id, channel, event, audience)
      select d.id, d.ticket_id, d.channel, 'ticket.created', 'unit'
      from jsonb_to_recordset(${JSON.stringify(deliveries)}::jsonb)
        as d(id uuid, ticket_id uuid, channel text)
      join new_tickets n on n.id = d.ticket_id),
    unasked as (
      update referral_holds h set release_requested_at = null, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(stillHeld)}::jsonb)
        as s(id uuid, "requestedAt" timestamptz)
      where h.id = s.id and h.status = 'held' and h.release_requested_at = s."requestedAt"),
    referral as (
      update referrals set status = 'dispatched', updated_at = now()
      where id = ${referral.id} and status = 'blocked_consent' and exists (select 1 from claim)),
    timeline as (
      insert into case_events (case_id, kind, actor_id, ref_id, data)
      select ${referral.caseId}::uuid, 'referral.updated', null, ${referral.id},
        jsonb_build_object('referralId', ${referral.id}::text, 'change', 'released',
          'ticketIds', jsonb_agg(p.id), 'units', jsonb_agg(p.unit_id))
      from claim c join planned p on p.hold_id = c.hold_id
      having count(*) > 0),
    audits as (
      insert into audit_log (at, actor_id, action, entity_type, entity_id, data)
      select now(), null, 'referral.consent_released', 'referral', ${referral.id},
        jsonb_build_object('holdId', p.hold_id, 'unitId', p.unit_id, 'ticketId', p.id,
          'basis', p.basis)
      from claim c join planned p on p.hold_id = c.hold_id)
    select coalesce((select array_agg(id::text) from new_tickets), '{}'::text[]) as ticket_ids`;
  return row?.ticket_ids ?? [];
}
