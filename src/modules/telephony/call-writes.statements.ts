import type { TSql } from '../../infra/database';
import type { TCallEvent, TNewCall, TRecordedCall } from './calls.repository';

/*
 * The writes on the voice webhooks' hot path, each one prepared statement and one round trip
 * (a drizzle transaction took five: begin, set, insert, insert, commit, each parsed anew).
 *
 * `set_config('synchronous_commit', 'off', true)` inside the statement: these commits do not
 * wait for the WAL flush (the disk's fsync would otherwise be most of the webhook's time). A
 * Postgres crash can lose the last fraction of a second of these rows; Twilio's own call log and
 * the reconciler cover that, and no caller waits on it. Postgres reads the setting at commit, and
 * the statement's own implicit transaction is what commits.
 */

// drizzle sets the driver's date and JSON serializers to pass-through: send text, cast in SQL.
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const eventValues = (client: TSql, e: TCallEvent) =>
  client`${e.callSid}, ${e.kind}, ${e.callStatus ?? null}, ${e.sequenceNumber ?? null},
    ${JSON.stringify(e.payload)}::jsonb, ${iso(e.receivedAt ?? new Date())}::timestamptz`;

/**
 * Idempotent on CallSid. A status callback can beat the incoming webhook and create a bare row
 * (hotline 'unknown', no caller); the first full recording fills it in and never overwrites.
 * With `event`, the call's raw event goes in with it, and the caller's number (its hash) is
 * looked up in the block list in the same statement: the same rule as
 * `blocklistRepository.isBlocked` (this hotline or all hotlines, not expired at the call's start).
 * Returns the row's state after the write.
 */
export async function upsertCallStatement(
  client: TSql,
  call: TNewCall,
  event: TCallEvent | null,
): Promise<TRecordedCall & { blocked: boolean }> {
  const startedAt = iso(call.startedAt ?? new Date());
  const logEvent = event
    ? client`, ev as (
        insert into call_events (call_sid, kind, call_status, sequence_number, payload, received_at)
        values (${eventValues(client, event)}))`
    : client``;
  const blocked =
    event && call.fromHash
      ? client`exists (select 1 from blocked_callers b where b.phone_hash = ${call.fromHash}
          and (b.hotline is null or b.hotline = ${call.hotline})
          and (b.expires_at is null or b.expires_at > ${startedAt}::timestamptz))`
      : client`false`;
  const rows = await client<
    Array<{ status: string; queue_result: string | null; blocked: boolean }>
  >`
    with relaxed as (select set_config('synchronous_commit', 'off', true) as v)
    ${logEvent},
    up as (
      insert into calls (call_sid, hotline, direction, from_encrypted, from_hash, route, language,
        enqueued_at, started_at, needs_reconciliation)
      values (${call.callSid}, ${call.hotline}, ${call.direction ?? 'inbound'},
        ${call.fromEncrypted}, ${call.fromHash}, ${call.route ?? null}, ${call.language ?? null},
        ${iso(call.enqueuedAt)}::timestamptz, ${startedAt}::timestamptz,
        ${call.needsReconciliation ?? false})
      on conflict (call_sid) do update set
        hotline = case when calls.hotline = 'unknown' then excluded.hotline else calls.hotline end,
        from_encrypted = coalesce(calls.from_encrypted, excluded.from_encrypted),
        from_hash = coalesce(calls.from_hash, excluded.from_hash),
        route = coalesce(calls.route, excluded.route),
        language = coalesce(calls.language, excluded.language),
        enqueued_at = coalesce(calls.enqueued_at, excluded.enqueued_at),
        needs_reconciliation = calls.needs_reconciliation and excluded.needs_reconciliation,
        updated_at = now()
      returning status, queue_result)
    select up.status, up.queue_result, ${blocked} as blocked from up, relaxed`;
  const row = rows[0];
  return row
    ? { status: row.status, queueResult: row.queue_result, blocked: row.blocked }
    : { status: 'ringing', queueResult: null, blocked: false };
}

/** One raw event, one statement. */
export async function insertEventStatement(client: TSql, event: TCallEvent): Promise<void> {
  await client`
    insert into call_events (call_sid, kind, call_status, sequence_number, payload, received_at)
    select ${eventValues(client, event)}
    from (select set_config('synchronous_commit', 'off', true)) relaxed`;
}
