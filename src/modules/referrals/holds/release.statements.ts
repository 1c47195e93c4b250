import type { TSql } from '../../../infra/database';
import type { TPlannedTicket, TReferralRow } from '../dispatch/dispatch-plan.policy';
import {
  insertTicketsCtes,
  ticketColumns,
  ticketRecord,
} from '../dispatch/ticket-insert.statements';

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
  const planned = released.map((t) => ({
    hold_id: t.holdId,
    basis: t.consentBasis,
    ...ticketRecord(t, { releasedHold: t.holdId }),
  }));
  const [row] = await sql<Array<{ ticket_ids: string[] }>>`
    with planned as (
      select * from jsonb_to_recordset(${JSON.stringify(planned)}::jsonb)
        as t(hold_id uuid, basis text, ${ticketColumns(sql)})),
    claim as (
      update referral_holds h set status = 'released', released_at = ${at}::timestamptz,
        ticket_id = p.id, release_requested_at = null, updated_at = now()
      from planned p where h.id = p.hold_id and h.status = 'held'
      returning h.id as hold_id),
    ${insertTicketsCtes(sql, {
      referral,
      planned: released,
      at,
      from: sql`from planned p join claim c on c.hold_id = p.hold_id`,
    })},
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
