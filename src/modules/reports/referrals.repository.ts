import type { TSql } from '../../infra/database';
import { periodInstants, type TPeriod } from './report-period.policy';
import type { TReportScope } from './report-filters';

export type TTicketGroup = {
  organisation: string | null;
  nameLo: string | null;
  nameEn: string | null;
  kind: string | null;
  tickets: number;
  pending: number;
  acknowledged: number;
  accepted: number;
  declined: number;
  inProgress: number;
  onHold: number;
  completed: number;
  withdrawn: number;
  ackHoursSum: number;
  ackCount: number;
  doneHoursSum: number;
  doneCount: number;
  breaches: number;
  served: number;
};

export type TReferralsData = {
  groups: TTicketGroup[];
  declines: Array<{ reason: string; count: number }>;
};

/**
 * Tickets of the referrals made in the period (the referral's own date, so a referral imported
 * from an earlier system counts in its own year, not the year it was imported), by partner organisation and partner kind. Times come
 * from the ticket's own event log; a breach is an acknowledgement or completion after its due
 * time, or one still missing once the due time has passed. Codes only, no notes.
 */
export async function loadReferrals(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
): Promise<TReferralsData> {
  const instants = periodInstants(period);
  const start = instants.start.toISOString();
  const end = instants.end.toISOString();
  const hotlines = scope.hotlines ? sql.array([...scope.hotlines], 1009) : null;
  const base = sql`
    select t.id, t.organisation_key as org, u.kind, t.state, t.decline_reason, t.created_at,
      t.due_acknowledge_at, t.due_resolve_at,
      (select min(e.created_at) from ticket_events e where e.ticket_id = t.id and e.to_state = 'acknowledged') as ack_at,
      (select min(e.created_at) from ticket_events e where e.ticket_id = t.id and e.to_state = 'completed') as done_at,
      exists (select 1 from ticket_services s where s.ticket_id = t.id) as served
    from tickets t
    join partner_units u on u.id = t.unit_id
    join referrals r on r.id = t.referral_id
    where r.referred_at >= ${start}::timestamptz and r.referred_at < ${end}::timestamptz
      and (${hotlines}::text[] is null or r.hotline = any(${hotlines}::text[]))
      and (${scope.provinceCode}::text is null or exists (select 1 from cases c
        where c.id = t.case_id and c.province_code = ${scope.provinceCode}::text))`;
  const [groups, declines] = await Promise.all([
    sql<TTicketGroup[]>`
      with t as (${base})
      select t.org as organisation, o.name_lo as "nameLo", o.name_en as "nameEn", t.kind,
        count(*)::int as tickets,
        (count(*) filter (where state = 'pending'))::int as pending,
        (count(*) filter (where state = 'acknowledged'))::int as acknowledged,
        (count(*) filter (where state = 'accepted'))::int as accepted,
        (count(*) filter (where state = 'declined'))::int as declined,
        (count(*) filter (where state = 'in_progress'))::int as "inProgress",
        (count(*) filter (where state = 'on_hold'))::int as "onHold",
        (count(*) filter (where state = 'completed'))::int as completed,
        (count(*) filter (where state = 'withdrawn'))::int as withdrawn,
        coalesce(sum(extract(epoch from t.ack_at - t.created_at) / 3600), 0)::float8 as "ackHoursSum",
        count(ack_at)::int as "ackCount",
        coalesce(sum(extract(epoch from t.done_at - t.created_at) / 3600), 0)::float8 as "doneHoursSum",
        count(done_at)::int as "doneCount",
        (count(*) filter (where coalesce(ack_at, now()) > due_acknowledge_at
          or (state <> 'withdrawn' and state <> 'declined' and coalesce(done_at, now()) > due_resolve_at)))::int as breaches,
        (count(*) filter (where served))::int as served
      from t left join organisations o on o.key = t.org
      group by grouping sets ((t.org, o.name_lo, o.name_en, t.kind), ())
      order by grouping(t.org), t.org, t.kind`,
    sql<Array<{ reason: string; count: number }>>`
      with t as (${base})
      select coalesce(decline_reason, 'unknown') as reason, count(*)::int as count
      from t where state = 'declined' group by 1 order by 2 desc, 1`,
  ]);
  return { groups: [...groups], declines: [...declines] };
}
