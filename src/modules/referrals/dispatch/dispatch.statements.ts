import { partnerUnits } from '../../../../db/schema/partners';
import { referralRules, referrals } from '../../../../db/schema/referrals';
import type { TSql } from '../../../infra/database';
import type { TDispatchPlan, TReferralRow, TUnitRow } from './dispatch-plan.policy';
import { rowFromJson } from './json-rows';
import { insertTicketsCtes, ticketColumns, ticketRecord } from './ticket-insert.statements';
import type { TRoutingRule } from '../rules/routing-rules.policy';
import type { TConsentRequirement } from '../../../contracts/consent-requirements';
import type { TConsentInForce } from '../consent/consent.policy';

/*
 * The dispatch's hot path, each one prepared statement and one round trip (the drizzle
 * transaction it replaces took eleven: begin, lock, rules, units, consent, three inserts per
 * ticket, update, timeline, commit). Values travel as text or JSON and are cast in SQL: drizzle
 * sets the driver's date and JSON serializers to pass-through, and JSON recordsets keep one
 * statement text for any number of tickets.
 */

export type TDispatchInput = {
  referral: TReferralRow;
  rules: TRoutingRule[];
  units: TUnitRow[];
  /** The person's consents in force (latest version per scope). */
  consents: TConsentInForce[];
  /** The consent requirement in force per partner kind that administrators changed. */
  requirements: TConsentRequirement[];
};

/**
 * Everything the decision needs, read together: the referral, the active rules for its needs,
 * their units and alternates, the person's consents in force and the consent requirements.
 */
export async function readDispatchInput(
  sql: TSql,
  referralId: string,
): Promise<TDispatchInput | null> {
  const [row] = await sql<
    Array<{
      referral: Record<string, unknown>;
      rules: Array<Record<string, unknown>>;
      units: Array<Record<string, unknown>>;
      consents: TConsentInForce[];
      requirements: TConsentRequirement[];
    }>
  >`
    with r as (select * from referrals where id = ${referralId}),
    rules as (select x.* from referral_rules x, r where x.active and x.need = any(r.needs))
    select to_jsonb(r) as referral,
      coalesce((select jsonb_agg(to_jsonb(rules)) from rules), '[]'::jsonb) as rules,
      coalesce((select jsonb_agg(to_jsonb(u)) from partner_units u where u.id in
        (select unit_id from rules union select alternate_unit_id from rules)), '[]'::jsonb)
        as units,
      coalesce((select jsonb_agg(jsonb_build_object('scope', c.scope, 'granted', c.granted,
        'givenBy', c.given_by)) from (select distinct on (scope) * from consents
        where person_id = r.person_id order by scope, version desc) c), '[]'::jsonb) as consents,
      coalesce((select jsonb_agg(jsonb_build_object('partnerKind', q.partner_kind,
        'scope', q.scope, 'childRule', q.child_rule)) from (select distinct on (partner_kind) *
        from consent_requirements order by partner_kind, version desc) q), '[]'::jsonb)
        as requirements
    from r`;
  if (!row) return null;
  return {
    referral: rowFromJson(referrals, row.referral),
    rules: row.rules.map((r) => rowFromJson(referralRules, r)),
    units: row.units.map((u) => rowFromJson(partnerUnits, u)),
    consents: row.consents,
    requirements: row.requirements,
  };
}

export type TDispatchAudit = { action: string; data: Record<string, unknown> };

/**
 * Writes the plan in one atomic statement: the referral leaves `stored` (the claim: a second
 * run, or a concurrent one, finds nothing to claim and writes nothing), its tickets with their
 * first events and delivery rows, the partners held back for consent, the timeline entry and the
 * consent audit rows. The unique key
 * on (referral, unit) still refuses a second ticket. Returns the ticket ids actually inserted.
 */
export async function writeDispatch(
  sql: TSql,
  referral: TReferralRow,
  plan: TDispatchPlan,
  extra: { timeline: Record<string, unknown>; audits: TDispatchAudit[] },
  now: Date,
): Promise<{ claimed: boolean; ticketIds: string[] }> {
  const at = now.toISOString();
  const tickets = plan.tickets.map((t) => ticketRecord(t));
  const holds = plan.holds.map((h) => ({
    unit_id: h.unitId,
    needs: h.needs,
    alternate_unit_id: h.alternateUnitId,
    scope: h.scope,
    reason: h.reason,
  }));
  const [row] = await sql<Array<{ claimed: number; ticket_ids: string[] }>>`
    with claim as (
      update referrals set status = ${plan.status}, unrouted_needs = ${plan.unrouted}::text[],
        blocked_unit_ids = ${plan.blockedUnitIds}::uuid[], dispatched_at = ${at}::timestamptz,
        updated_at = now()
      where id = ${referral.id} and status = 'stored'
      returning id, case_id),
    planned as (
      select * from jsonb_to_recordset(${JSON.stringify(tickets)}::jsonb)
        as t(${ticketColumns(sql)})),
    ${insertTicketsCtes(sql, {
      referral,
      planned: plan.tickets,
      at,
      from: sql`from claim c cross join planned p`,
    })},
    new_holds as (
      insert into referral_holds (referral_id, unit_id, needs, alternate_unit_id, scope, reason,
        created_at, updated_at)
      select c.id, h.unit_id, h.needs, h.alternate_unit_id, h.scope, h.reason,
        ${at}::timestamptz, ${at}::timestamptz
      from claim c cross join jsonb_to_recordset(${JSON.stringify(holds)}::jsonb)
        as h(unit_id uuid, needs text[], alternate_unit_id uuid, scope text, reason text)
      on conflict do nothing),
    timeline as (
      insert into case_events (case_id, kind, actor_id, ref_id, data)
      select c.case_id, 'referral.updated', null, c.id::text, ${JSON.stringify(extra.timeline)}::jsonb
      from claim c),
    audits as (
      insert into audit_log (at, actor_id, action, entity_type, entity_id, data)
      select now(), null, a.action, 'referral', c.id::text, a.data
      from claim c cross join jsonb_to_recordset(${JSON.stringify(extra.audits)}::jsonb)
        as a(action text, data jsonb))
    select (select count(*)::int from claim) as claimed,
      coalesce((select array_agg(id::text) from new_tickets), '{}'::text[]) as ticket_ids`;
  return { claimed: (row?.claimed ?? 0) > 0, ticketIds: row?.ticket_ids ?? [] };
}
