-- people.first_contact_at: the earliest contact about the person (on any case they are on, other
-- parties aside). The national report asks, for every person of a period, whether they were first
-- contacted before it (new or continuing); reading it here instead of searching their contacts
-- for each person keeps the direct report under a second on a million contacts.
-- Kept exact by the database itself, whoever writes: the desk, the import, retention, a repair by
-- hand. Any change that could move it (a contact added, moved, re-dated or deleted; a person put
-- on or taken off a case) recomputes it for exactly the people concerned, per statement.

create or replace function saiduan_first_contact_recompute(ids uuid[]) returns void
language sql as $$
  update people pe set first_contact_at = x.first
  from (
    select p.id, (select min(c.occurred_at) from case_people cp
      join contacts c on c.case_id = cp.case_id
      where cp.person_id = p.id and cp.role <> 'other_party') as first
    from unnest(ids) as p(id)
  ) x
  where pe.id = x.id and pe.first_contact_at is distinct from x.first
$$;

create or replace function saiduan_first_contact_contacts_added() returns trigger
language plpgsql as $$
begin
  perform saiduan_first_contact_recompute(array(
    select distinct cp.person_id from added join case_people cp on cp.case_id = added.case_id));
  return null;
end
$$;

create or replace function saiduan_first_contact_contacts_changed() returns trigger
language plpgsql as $$
begin
  -- Only contacts re-dated or moved to another case: an edited summary changes nothing here.
  perform saiduan_first_contact_recompute(array(
    select cp.person_id from gone o join added n on n.id = o.id
    join case_people cp on cp.case_id = o.case_id or cp.case_id = n.case_id
    where o.occurred_at is distinct from n.occurred_at or o.case_id is distinct from n.case_id));
  return null;
end
$$;

create or replace function saiduan_first_contact_contacts_gone() returns trigger
language plpgsql as $$
begin
  perform saiduan_first_contact_recompute(array(
    select distinct cp.person_id from gone join case_people cp on cp.case_id = gone.case_id));
  return null;
end
$$;

create or replace function saiduan_first_contact_links_added() returns trigger
language plpgsql as $$
begin
  perform saiduan_first_contact_recompute(array(select distinct person_id from added));
  return null;
end
$$;

create or replace function saiduan_first_contact_links_changed() returns trigger
language plpgsql as $$
begin
  perform saiduan_first_contact_recompute(array(
    select o.person_id from gone o join added n on n.case_id = o.case_id and n.person_id = o.person_id
      where n.role is distinct from o.role
    union select o.person_id from gone o where not exists (
      select 1 from added n where n.case_id = o.case_id and n.person_id = o.person_id)
    union select n.person_id from added n where not exists (
      select 1 from gone o where o.case_id = n.case_id and o.person_id = n.person_id)));
  return null;
end
$$;

create or replace function saiduan_first_contact_links_gone() returns trigger
language plpgsql as $$
begin
  perform saiduan_first_contact_recompute(array(select distinct person_id from gone));
  return null;
end
$$;

-- Installed once; the first install fills the column for people already on record.
do $$
begin
  if not exists (select 1 from pg_trigger where tgname = 'contacts_first_contact_added') then
    update people pe set first_contact_at = x.first
    from (select cp.person_id, min(c.occurred_at) as first from case_people cp
      join contacts c on c.case_id = cp.case_id
      where cp.role <> 'other_party' group by cp.person_id) x
    where pe.id = x.person_id and pe.first_contact_at is distinct from x.first;
  end if;
end
$$;

create or replace trigger contacts_first_contact_added
  after insert on contacts referencing new table as added
  for each statement execute function saiduan_first_contact_contacts_added();

-- Postgres allows a transition table on an update trigger only without a column list: the
-- functions look only at rows whose placing columns changed, so other updates cost a join.
create or replace trigger contacts_first_contact_changed
  after update on contacts referencing old table as gone new table as added
  for each statement execute function saiduan_first_contact_contacts_changed();

create or replace trigger contacts_first_contact_gone
  after delete on contacts referencing old table as gone
  for each statement execute function saiduan_first_contact_contacts_gone();

create or replace trigger case_people_first_contact_added
  after insert on case_people referencing new table as added
  for each statement execute function saiduan_first_contact_links_added();

create or replace trigger case_people_first_contact_changed
  after update on case_people referencing old table as gone new table as added
  for each statement execute function saiduan_first_contact_links_changed();

create or replace trigger case_people_first_contact_gone
  after delete on case_people referencing old table as gone
  for each statement execute function saiduan_first_contact_links_gone();
