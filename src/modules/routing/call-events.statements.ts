import type { TSql } from '../../infra/database';

/** One row of the durable call-event log (call_events): raw Twilio events and routing steps. */
export type TCallEventRow = {
  callSid: string;
  kind: string;
  callStatus?: string | null;
  sequenceNumber?: number | null;
  payload: Record<string, string>;
  receivedAt?: Date;
};

const iso = (d: Date | undefined) => (d ?? new Date()).toISOString();

/**
 * The rows of several events as one `select` (one text array per column, cast in SQL), so any
 * batch size shares one statement text. A fragment: the call-event log's own insert below and
 * the voice webhooks' combined call-and-event write both insert it.
 */
export function callEventRows(client: TSql, events: readonly TCallEventRow[]) {
  const ev = <T>(pick: (e: TCallEventRow) => T) => events.map(pick);
  return client`
    select call_sid, kind, call_status, sequence_number::int, payload::jsonb,
      received_at::timestamptz
    from unnest(
      ${ev((e) => e.callSid)}::text[], ${ev((e) => e.kind)}::text[],
      ${ev((e) => e.callStatus ?? null)}::text[],
      ${ev((e) => (e.sequenceNumber == null ? null : String(e.sequenceNumber)))}::text[],
      ${ev((e) => JSON.stringify(e.payload))}::text[],
      ${ev((e) => iso(e.receivedAt))}::text[]
    ) as e(call_sid, kind, call_status, sequence_number, payload, received_at)`;
}

/**
 * Events of several calls in one prepared statement (drizzle's insert built a fresh query of 7
 * parameters per row, a few per cent of the API's CPU during a surge). The commit does not wait
 * for the WAL flush (`synchronous_commit` off inside the statement): the log feeds figures and
 * reconciliation, a Postgres crash may lose its last fraction of a second, and no caller waits.
 */
export async function insertEventsStatement(
  client: TSql,
  events: readonly TCallEventRow[],
): Promise<void> {
  await client`
    with relaxed as (select set_config('synchronous_commit', 'off', true) as v)
    insert into call_events (call_sid, kind, call_status, sequence_number, payload, received_at)
    select rows.* from (${callEventRows(client, events)}) as rows, relaxed`;
}
