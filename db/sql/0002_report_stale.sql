-- The report aggregates (src/modules/reports/report-aggregates.repository.ts and
-- operations-aggregate.repository.ts) find what changed by the rows' updated_at stamps. A deleted
-- row leaves no stamp, and a row moved to another hour, day or case leaves none where it was:
-- these triggers list what the next refresh must recompute in report_stale (kind, key):
-- 'call-hour' (the hour's first instant), 'contact-day' and 'day' (a Lao date, for the operations
-- and the national aggregates), 'person' (an id),
-- 'call-offers' (a call SID, with the hotline its routing offers were summed under).
-- Deletions are handled per statement (retention deletes thousands at once); moves per row, and
-- only when the column that places the row changed, so ordinary updates pay nothing.

create or replace function saiduan_report_calls_gone() returns trigger
language plpgsql as $$
begin
  insert into report_stale (kind, key)
  select distinct 'call-hour', date_trunc('hour', started_at, 'UTC')::text from gone
  on conflict do nothing;
  -- Routing offers are summed under their call's hotline: the deleted call's move to none.
  insert into report_stale (kind, key, detail)
  select 'call-offers', call_sid, hotline from gone
  on conflict do nothing;
  return null;
end
$$;

create or replace trigger calls_report_stale_gone
  after delete on calls referencing old table as gone
  for each statement execute function saiduan_report_calls_gone();

create or replace function saiduan_report_call_moved() returns trigger
language plpgsql as $$
begin
  insert into report_stale (kind, key)
  values ('call-hour', date_trunc('hour', old.started_at, 'UTC')::text)
  on conflict do nothing;
  return null;
end
$$;

create or replace trigger calls_report_stale_moved
  after update of started_at on calls
  for each row when (old.started_at is distinct from new.started_at)
  execute function saiduan_report_call_moved();

-- A call recorded first by a status callback has hotline 'unknown' until the incoming webhook
-- fills it in. Only the first old hotline since the last refresh is kept (on conflict do nothing):
-- that is the one its routing offers were summed under.
create or replace function saiduan_report_call_hotline_changed() returns trigger
language plpgsql as $$
begin
  insert into report_stale (kind, key, detail) values ('call-offers', old.call_sid, old.hotline)
  on conflict do nothing;
  return null;
end
$$;

create or replace trigger calls_report_stale_hotline
  after update of hotline on calls
  for each row when (old.hotline is distinct from new.hotline)
  execute function saiduan_report_call_hotline_changed();

create or replace function saiduan_report_contacts_gone() returns trigger
language plpgsql as $$
begin
  insert into report_stale (kind, key)
  select 'contact-day', (occurred_at at time zone 'Asia/Vientiane')::date::text from gone
  union select 'day', (occurred_at at time zone 'Asia/Vientiane')::date::text from gone
  union select 'person', cp.person_id::text from gone join case_people cp on cp.case_id = gone.case_id
  on conflict do nothing;
  return null;
end
$$;

create or replace trigger contacts_report_stale_gone
  after delete on contacts referencing old table as gone
  for each statement execute function saiduan_report_contacts_gone();

create or replace function saiduan_report_contact_moved() returns trigger
language plpgsql as $$
begin
  insert into report_stale (kind, key)
  select 'contact-day', (old.occurred_at at time zone 'Asia/Vientiane')::date::text
  union select 'day', (old.occurred_at at time zone 'Asia/Vientiane')::date::text
  union select 'person', cp.person_id::text from case_people cp where cp.case_id = old.case_id
  on conflict do nothing;
  return null;
end
$$;

create or replace trigger contacts_report_stale_moved
  after update of occurred_at, case_id on contacts
  for each row when (old.occurred_at is distinct from new.occurred_at
    or old.case_id is distinct from new.case_id)
  execute function saiduan_report_contact_moved();

create or replace function saiduan_report_people_gone() returns trigger
language plpgsql as $$
begin
  insert into report_stale (kind, key)
  select distinct 'person', id::text from gone
  on conflict do nothing;
  return null;
end
$$;

create or replace trigger people_report_stale_gone
  after delete on people referencing old table as gone
  for each statement execute function saiduan_report_people_gone();

create or replace function saiduan_report_case_people_gone() returns trigger
language plpgsql as $$
begin
  insert into report_stale (kind, key)
  select 'person', person_id::text from gone
  -- The case's sessions no longer count for that person's province.
  union select 'day', (c.occurred_at at time zone 'Asia/Vientiane')::date::text
    from gone join contacts c on c.case_id = gone.case_id
  on conflict do nothing;
  return null;
end
$$;

create or replace trigger case_people_report_stale_gone
  after delete on case_people referencing old table as gone
  for each statement execute function saiduan_report_case_people_gone();

create or replace function saiduan_report_case_person_moved() returns trigger
language plpgsql as $$
begin
  insert into report_stale (kind, key)
  select 'person', old.person_id::text
  union select 'day', (c.occurred_at at time zone 'Asia/Vientiane')::date::text
    from contacts c where c.case_id = old.case_id
  on conflict do nothing;
  return null;
end
$$;

create or replace trigger case_people_report_stale_moved
  after update of person_id, case_id on case_people
  for each row when (old.person_id is distinct from new.person_id
    or old.case_id is distinct from new.case_id)
  execute function saiduan_report_case_person_moved();

create or replace function saiduan_report_ticket_services_gone() returns trigger
language plpgsql as $$
begin
  insert into report_stale (kind, key)
  select 'person', r.person_id::text from gone
    join tickets t on t.id = gone.ticket_id join referrals r on r.id = t.referral_id
    where r.person_id is not null
  union select 'person', cp.person_id::text from gone join case_people cp on cp.case_id = gone.case_id
  on conflict do nothing;
  return null;
end
$$;

create or replace trigger ticket_services_report_stale_gone
  after delete on ticket_services referencing old table as gone
  for each statement execute function saiduan_report_ticket_services_gone();
