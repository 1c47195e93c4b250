-- Hand-written SQL that drizzle-kit cannot express. db/migrate.ts runs every file in db/sql, in
-- name order, after the drizzle migrations, on every migrate (npm start, npm run db:migrate, the
-- tests' template database), so each file must be safe to run again.

-- audit_log is append-only. Writers insert unsealed rows; the sealer (src/modules/audit/
-- audit-sealer.ts) may then fill in chain_pos, prev_hash and hash once, and change nothing else.
-- Every other UPDATE, any DELETE and TRUNCATE are refused.
create or replace function saiduan_audit_log_guard() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.chain_pos is null and new.prev_hash is null and new.hash is null then
      return new;
    end if;
    raise exception 'audit_log rows are inserted unsealed; only the sealer chains them'
      using errcode = 'insufficient_privilege';
  end if;
  if tg_op = 'UPDATE'
     and old.chain_pos is null
     and new.chain_pos is not null and new.prev_hash is not null and new.hash is not null
     and (new.seq, new.at, new.actor_id, new.action, new.entity_type, new.entity_id, new.data)
         is not distinct from
         (old.seq, old.at, old.actor_id, old.action, old.entity_type, old.entity_id, old.data) then
    return new;
  end if;
  raise exception 'audit_log is append-only: % refused', tg_op
    using errcode = 'insufficient_privilege';
end
$$;

create or replace trigger audit_log_append_only
  before insert or update or delete on audit_log
  for each row execute function saiduan_audit_log_guard();

-- ticket_events is append-only too. The one change allowed is the key-rotation job re-encrypting
-- an existing note (note_enc from one ciphertext to another, every other column unchanged).
create or replace function saiduan_ticket_events_guard() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE'
     and old.note_enc is not null and new.note_enc is not null
     and (new.id, new.ticket_id, new.type, new.from_state, new.to_state, new.actor_kind,
          new.actor_id, new.data, new.created_at)
         is not distinct from
         (old.id, old.ticket_id, old.type, old.from_state, old.to_state, old.actor_kind,
          old.actor_id, old.data, old.created_at) then
    return new;
  end if;
  raise exception 'ticket_events is append-only: % refused', tg_op
    using errcode = 'insufficient_privilege';
end
$$;

create or replace trigger ticket_events_append_only
  before update or delete on ticket_events
  for each row execute function saiduan_ticket_events_guard();

create or replace function saiduan_refuse_truncate() returns trigger
language plpgsql as $$
begin
  raise exception '% is append-only: TRUNCATE refused', tg_table_name
    using errcode = 'insufficient_privilege';
end
$$;

create or replace trigger audit_log_no_truncate
  before truncate on audit_log
  for each statement execute function saiduan_refuse_truncate();

create or replace trigger ticket_events_no_truncate
  before truncate on ticket_events
  for each statement execute function saiduan_refuse_truncate();
