import type { TSql } from '../../src/infra/database';

const provinces = [
  'LA-VT',
  'LA-PH',
  'LA-LM',
  'LA-OU',
  'LA-BK',
  'LA-LP',
  'LA-HO',
  'LA-XA',
  'LA-XI',
  'LA-VI',
  'LA-BL',
  'LA-KH',
  'LA-SV',
  'LA-SL',
  'LA-XE',
  'LA-CH',
  'LA-AT',
  'LA-XS',
];
const forms = [
  'forced_labour',
  'sexual_exploitation',
  'online_sexual_exploitation',
  'forced_marriage',
  'surrogacy',
  'forced_criminality',
  'child_adoption',
  'other',
];
const services = [
  'shelter',
  'legal_aid',
  'medical',
  'education_vocational',
  'reintegration',
  'follow_up',
  'repatriation',
  'job_placement',
  'cash_grant',
];
const pick = (list: string[]) =>
  `(array['${list.join("','")}'])[1 + floor(random() * ${list.length})::int]`;

/**
 * Fills the tables the reports read, with generate_series in Postgres itself: people over three
 * years (2023–2025), one case each, contacts spread over the same years, referrals, tickets,
 * services given, inbound calls and routing events. Random but seeded, so runs compare.
 */
export async function generateReportData(
  sql: TSql,
  counts: { people: number; contacts: number; calls: number },
): Promise<void> {
  const { people, contacts, calls } = counts;
  const step = async (label: string, query: string) => {
    const t0 = performance.now();
    await sql.unsafe(query);
    console.log(`  ${label.padEnd(16)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await sql.unsafe(`select setseed(0.42)`);
  await sql.unsafe(`create or replace function bench_uuid(ns int, i bigint) returns uuid language sql immutable as
    $$ select (lpad(to_hex(ns), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid $$`);
  await step(
    'staff',
    `insert into staff_users (id, username, display_name, role, password_hash)
    select bench_uuid(9, i), 'bench' || i, 'Counsellor ' || i, 'counsellor', 'x' from generate_series(1, 50) i`,
  );
  await step(
    'people',
    `insert into people (id, hotline, sex, under18_at_identification, nationalities,
      residence_province_code, victim_status, identification_date, exploitation_forms, stage_locations)
    select bench_uuid(1, i), (array['1362','1554','1512'])[1 + i % 3], ${pick(['female', 'female', 'male', 'unknown'])},
      case when random() < 0.1 then null else random() < 0.3 end,
      case when random() < 0.8 then array['LA'] else array[${pick(['TH', 'VN', 'CN', 'MY', 'MM'])}] end,
      ${pick(provinces)}, st,
      case when st = 'identified' then date '2023-01-01' + floor(random() * 1095)::int end,
      case floor(random() * 10)::int when 9 then '{}'::text[] when 8 then array[${pick(forms)}, ${pick(forms)}, ${pick(forms)}]
        when 7 then array[${pick(forms)}, ${pick(forms)}] else array[${pick(forms)}] end,
      case when random() < 0.3 then jsonb_build_array(jsonb_build_object('stage', 'exploitation', 'kind', 'country',
        'code', ${pick(['TH', 'CN', 'MY', 'KR'])})) else '[]'::jsonb end
    from (select i, ${pick(['identified', 'identified', 'possible', 'possible', 'not_victim'])} as st
      from generate_series(1, ${people}) i) s`,
  );
  await step(
    'cases',
    `insert into cases (id, code, hotline)
    select bench_uuid(2, i), 'B-' || i, (array['1362','1554','1512'])[1 + i % 3] from generate_series(1, ${people}) i`,
  );
  await step(
    'case people',
    `insert into case_people (case_id, person_id, role)
    select bench_uuid(2, i), bench_uuid(1, i), 'victim' from generate_series(1, ${people}) i`,
  );
  // Generated rows need no per-statement trigger work (people.first_contact_at recomputed person
  // by person for a million contacts takes longer than the rest together on a loaded machine):
  // triggers are off for the contacts, and the column is then filled as db/sql/0003 first fills it.
  await sql.unsafe(`set session_replication_role = replica`);
  await step(
    'contacts',
    `insert into contacts (id, case_id, hotline, channel, language, caller_type, contact_type,
      occurred_at, counsellor_id, duration_seconds)
    select bench_uuid(3, j), bench_uuid(2, k), (array['1362','1554','1512'])[1 + k % 3],
      ${pick(['call', 'call', 'call', 'call', 'call', 'call', 'call_back', 'call_back', 'walk_in', 'sms'])}, 'lo', 'self',
      case when random() < 0.9 then 'crisis' else 'hang_up' end,
      timestamptz '2023-01-01 00:00+07' + random() * interval '1095 days',
      bench_uuid(9, 1 + floor(random() * 50)::int), 60 + floor(random() * 1800)::int
    from (select j, 1 + floor(random() * ${people})::int as k from generate_series(1, ${contacts}) j) s`,
  );
  await sql.unsafe(`set session_replication_role = origin`);
  await step(
    'first contacts',
    `update people pe set first_contact_at = x.first
    from (select cp.person_id, min(c.occurred_at) as first from case_people cp
      join contacts c on c.case_id = cp.case_id
      where cp.role <> 'other_party' group by cp.person_id) x
    where pe.id = x.person_id`,
  );
  await step(
    'referrals',
    `insert into organisations (key, kind, name_lo, name_en) values ('bench-org', 'shelter', 'ສູນ', 'Centre')
      on conflict (key) do nothing;
    insert into partner_units (id, organisation_key, name_lo, name_en, kind) values (bench_uuid(8, 1), 'bench-org', 'ສູນ', 'Centre', 'shelter');
    insert into referrals (id, case_id, person_id, hotline, requested_by, needs, priority, subject)
      select bench_uuid(4, i), bench_uuid(2, i * 3), bench_uuid(1, i * 3), '1362', bench_uuid(9, 1), '{shelter}', 'routine', '{}'
      from generate_series(1, ${Math.floor(people / 3)}) i;
    insert into tickets (id, referral_id, unit_id, organisation_key, case_id, needs, priority, state)
      select bench_uuid(5, i), bench_uuid(4, i), bench_uuid(8, 1), 'bench-org', bench_uuid(2, i * 3), '{shelter}', 'routine', 'in_progress'
      from generate_series(1, ${Math.floor(people / 3)}) i;
    insert into ticket_services (ticket_id, case_id, service, given_on)
      select bench_uuid(5, k), bench_uuid(2, k * 3), ${pick(services)}, to_char(date '2023-01-01' + floor(random() * 1095)::int, 'YYYY-MM-DD')
      from (select 1 + floor(random() * ${Math.floor(people / 3)})::int as k from generate_series(1, ${Math.floor((people * 2) / 3)}) i) s`,
  );
  await step(
    'calls',
    `insert into calls (call_sid, hotline, status, route, queue_result, callback_requested,
      started_at, enqueued_at, left_queue_at, ended_at)
    select 'CA' || j, (array['1362','1554','1512'])[1 + j % 3], 'completed', route,
      case when route = 'queued' then (case when random() < 0.8 then 'redirected' else 'hangup' end) end,
      random() < 0.05, t0, case when route = 'queued' then t0 + interval '20 s' end,
      case when route = 'queued' then t0 + interval '20 s' + random() * interval '120 s' end, t0 + interval '10 min'
    from (select j, timestamptz '2023-01-01 00:00+07' + random() * interval '1095 days' as t0,
      ${pick(['queued', 'queued', 'queued', 'queued', 'queued', 'queued', 'queued', 'queued', 'after-hours-voicemail', 'ivr', 'blocked'])} as route
      from generate_series(1, ${calls}) j) s`,
  );
  await step(
    'call events',
    `insert into call_events (call_sid, kind, payload, received_at)
    select 'CA' || j, ${pick(['routing.offered', 'routing.offered', 'routing.accepted', 'routing.rejected', 'routing.offer-timeout'])},
      jsonb_build_object('userId', bench_uuid(9, 1 + floor(random() * 50)::int)::text),
      timestamptz '2023-01-01 00:00+07' + random() * interval '1095 days'
    from generate_series(1, ${calls}) j`,
  );
  await step('vacuum analyze', `vacuum analyze`);
}
