import type { PendingQuery, Row } from 'postgres';
import type { TSql } from '../../../infra/database';
import type { TPlannedTicket, TReferralRow } from './dispatch-plan.policy';

/*
 * The one way a planned ticket is written, shared by the dispatch (dispatch.statements.ts) and
 * the release of a consent hold (holds/release.statements.ts): the ticket, its first event and its
 * delivery rows, as CTEs of the caller's single statement. Tickets travel as a JSON recordset so
 * the statement text stays the same for any number of them (one prepared statement each).
 */

type TFragment = PendingQuery<Row[]>;

/** A planned ticket as a recordset row; `event` adds to the first event's data. */
export function ticketRecord(planned: TPlannedTicket, event: Record<string, unknown> = {}) {
  const { ticket, consentBasis } = planned;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: ticket.id,
    unit_id: ticket.unitId,
    organisation_key: ticket.organisationKey,
    needs: ticket.needs,
    alternate_unit_id: ticket.alternateUnitId,
    due_acknowledge_at: iso(ticket.dueAcknowledgeAt),
    due_decide_at: iso(ticket.dueDecideAt),
    due_update_at: iso(ticket.dueUpdateAt),
    due_resolve_at: iso(ticket.dueResolveAt),
    event_data: { needs: ticket.needs, consentBasis, replaces: null, ...event },
  };
}

/** The recordset columns of ticketRecord, for `jsonb_to_recordset(…) as t(…)`. */
export const ticketColumns = (sql: TSql): TFragment =>
  sql`id uuid, unit_id uuid, organisation_key text, needs text[], alternate_unit_id uuid,
    due_acknowledge_at timestamptz, due_decide_at timestamptz, due_update_at timestamptz,
    due_resolve_at timestamptz, event_data jsonb`;

/**
 * `new_tickets`, `new_events` and `new_deliveries` CTEs. `from` names the planned rows `p` and
 * joins them to the caller's claim, so only a claimed plan is written; the unique key on
 * (referral, unit) still refuses a second ticket, and only a ticket inserted gets its event and
 * deliveries.
 */
export function insertTicketsCtes(
  sql: TSql,
  args: { referral: TReferralRow; planned: TPlannedTicket[]; at: string; from: TFragment },
): TFragment {
  const { referral, at } = args;
  const deliveries = args.planned.flatMap((t) =>
    t.deliveries.map((d) => ({ id: d.id, ticket_id: d.ticketId, channel: d.channel })),
  );
  return sql`
    new_tickets as (
      insert into tickets (id, referral_id, unit_id, organisation_key, case_id, needs, priority,
        alternate_unit_id, due_acknowledge_at, due_decide_at, due_update_at, due_resolve_at,
        created_at, updated_at)
      select p.id, ${referral.id}::uuid, p.unit_id, p.organisation_key, ${referral.caseId}::uuid,
        p.needs, ${referral.priority}, p.alternate_unit_id, p.due_acknowledge_at,
        p.due_decide_at, p.due_update_at, p.due_resolve_at, ${at}::timestamptz,
        ${at}::timestamptz
      ${args.from}
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
      join new_tickets n on n.id = d.ticket_id)`;
}
