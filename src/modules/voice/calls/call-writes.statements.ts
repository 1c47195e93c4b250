import type { TSql } from '../../../infra/database';
import { callEventRows } from '../../routing/call-events.statements';
import type { TCallEvent, TNewCall, TRecordedCall } from './call-records';

/*
 * The writes on the voice webhooks' hot path, each one prepared statement and one round trip
 * (a drizzle transaction took five: begin, set, insert, insert, commit, each parsed anew).
 *
 * `set_config('synchronous_commit', 'off', true)` inside the statement: these commits do not
 * wait for the WAL flush (the disk's fsync would otherwise be most of the webhook's time). A
 * Postgres crash can lose the last fraction of a second of these rows; Twilio's own call log and
 * the reconciler cover that, and no caller waits on it. Postgres reads the setting at commit, and
 * the statement's own implicit transaction is what commits.
 *
 * Values travel as text arrays and are cast in SQL: drizzle sets the driver's date and JSON
 * serializers to pass-through, and one array per column keeps one statement text for any batch.
 */

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export type TRecordedRow = TRecordedCall & { callSid: string; blocked: boolean };

/**
 * Records calls and raw events, idempotent on CallSid (the calls must be distinct). A status
 * callback can beat the incoming webhook and create a bare row (hotline 'unknown', no caller);
 * the first full recording fills it in and never overwrites. Each caller's number (its hash) is
 * looked up in the block list in the same statement, by the rule of
 * `blocklistRepository.isBlocked`: this hotline or all hotlines, not expired when the call started.
 * Returns every call row's state after the write.
 */
export async function recordCallsStatement(
  client: TSql,
  calls: readonly TNewCall[],
  events: readonly TCallEvent[],
): Promise<TRecordedRow[]> {
  const col = <T>(pick: (c: TNewCall) => T) => calls.map(pick);
  const rows = await client<
    Array<{ call_sid: string; status: string; queue_result: string | null; blocked: boolean }>
  >`
    with relaxed as (select set_config('synchronous_commit', 'off', true) as v),
    input as (
      select * from unnest(
        ${col((c) => c.callSid)}::text[], ${col((c) => c.hotline)}::text[],
        ${col((c) => c.direction ?? 'inbound')}::text[], ${col((c) => c.fromEncrypted)}::text[],
        ${col((c) => c.fromHash)}::text[], ${col((c) => c.route ?? null)}::text[],
        ${col((c) => c.language ?? null)}::text[], ${col((c) => iso(c.enqueuedAt))}::text[],
        ${col((c) => iso(c.startedAt ?? new Date()))}::text[],
        ${col((c) => String(c.needsReconciliation ?? false))}::text[]
      ) as t(call_sid, hotline, direction, from_encrypted, from_hash, route, language,
        enqueued_at, started_at, needs_reconciliation)),
    ev as (
      insert into call_events (call_sid, kind, call_status, sequence_number, payload, received_at)
      ${callEventRows(client, events)}),
    up as (
      insert into calls (call_sid, hotline, direction, from_encrypted, from_hash, route, language,
        enqueued_at, started_at, needs_reconciliation)
      select call_sid, hotline, direction, from_encrypted, from_hash, route, language,
        enqueued_at::timestamptz, started_at::timestamptz, needs_reconciliation::boolean
      from input
      on conflict (call_sid) do update set
        hotline = case when calls.hotline = 'unknown' then excluded.hotline else calls.hotline end,
        from_encrypted = coalesce(calls.from_encrypted, excluded.from_encrypted),
        from_hash = coalesce(calls.from_hash, excluded.from_hash),
        route = coalesce(calls.route, excluded.route),
        language = coalesce(calls.language, excluded.language),
        enqueued_at = coalesce(calls.enqueued_at, excluded.enqueued_at),
        needs_reconciliation = calls.needs_reconciliation and excluded.needs_reconciliation,
        updated_at = now()
      returning call_sid, status, queue_result)
    select up.call_sid, up.status, up.queue_result,
      exists (select 1 from blocked_callers b where b.phone_hash = input.from_hash
        and (b.hotline is null or b.hotline = input.hotline)
        and (b.expires_at is null or b.expires_at > input.started_at::timestamptz)) as blocked
    from up join input using (call_sid), relaxed`;
  return rows.map((r) => ({
    callSid: r.call_sid,
    status: r.status,
    queueResult: r.queue_result,
    blocked: r.blocked,
  }));
}

/** One raw event, one statement. */
export async function insertEventStatement(client: TSql, event: TCallEvent): Promise<void> {
  await client`
    insert into call_events (call_sid, kind, call_status, sequence_number, payload, received_at)
    select ${event.callSid}, ${event.kind}, ${event.callStatus ?? null},
      ${event.sequenceNumber ?? null}, ${JSON.stringify(event.payload)}::jsonb,
      ${iso(event.receivedAt ?? new Date())}::timestamptz
    from (select set_config('synchronous_commit', 'off', true)) relaxed`;
}

/** A call's status and the last sequence number applied: what a status callback decides from. */
export async function callStatusStatement(
  client: TSql,
  callSid: string,
): Promise<{ status: string; lastSequence: number } | null> {
  const [row] = await client<Array<{ status: string; last_sequence: number }>>`
    select status, last_sequence from calls where call_sid = ${callSid} limit 1`;
  return row ? { status: row.status, lastSequence: row.last_sequence } : null;
}

/**
 * The status callback's compare-and-set: writes the new status only if the row is still what
 * was read (`from`); `ended` also stamps the end and the duration. One statement text for both
 * cases (one prepared statement). Returns whether it wrote.
 */
export async function setCallStatusStatement(
  client: TSql,
  args: {
    callSid: string;
    from: { status: string; lastSequence: number };
    status: string;
    lastSequence: number;
    ended: { at: Date; durationSeconds: number | null } | null;
  },
): Promise<boolean> {
  const { ended } = args;
  const rows = await client`
    update calls set status = ${args.status}, last_sequence = ${args.lastSequence},
      ended_at = case when ${ended !== null} then ${iso(ended?.at)}::timestamptz else ended_at end,
      duration_seconds = case when ${ended !== null} then ${ended?.durationSeconds ?? null}::int
        else duration_seconds end,
      updated_at = now()
    where call_sid = ${args.callSid} and status = ${args.from.status}
      and last_sequence = ${args.from.lastSequence}
    returning id`;
  return rows.length > 0;
}
