import type { TSql } from '../../../infra/database';
import type { TCallEvent, TNewCall } from './calls.repository';
import { recordCallsStatement, type TRecordedRow } from './call-writes.statements';

type TWaiter = {
  call: TNewCall;
  event: TCallEvent | null;
  resolve: (row: TRecordedRow) => void;
  reject: (err: unknown) => void;
};

const MAX_BATCH = 200;

/**
 * Group commit for call recordings: a write goes out at once when none is in flight; those that
 * arrive meanwhile leave together in the next statement. A quiet line pays no wait, a surge of
 * calls pays one round trip and one commit per batch instead of per call. A failed batch fails
 * each of its calls (the webhook then buffers them for the reconciler, as for any write).
 */
export function callWritesBatcher(client: TSql) {
  let waiting: TWaiter[] = [];
  let busy = false;

  async function send(batch: TWaiter[]): Promise<void> {
    // The same CallSid twice in one batch (a duplicate delivery) is one row; both get its state.
    const calls = new Map<string, TNewCall>();
    for (const w of batch) if (!calls.has(w.call.callSid)) calls.set(w.call.callSid, w.call);
    const events = batch.flatMap((w) => (w.event ? [w.event] : []));
    try {
      const rows = await recordCallsStatement(client, [...calls.values()], events);
      const bySid = new Map(rows.map((r) => [r.callSid, r]));
      for (const w of batch) {
        const row = bySid.get(w.call.callSid);
        if (row) w.resolve(row);
        else w.reject(new Error('call not recorded'));
      }
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }

  async function drain(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      while (waiting.length) {
        const batch = waiting.slice(0, MAX_BATCH);
        waiting = waiting.slice(MAX_BATCH);
        await send(batch);
      }
    } finally {
      busy = false;
    }
  }

  return {
    record(call: TNewCall, event: TCallEvent | null): Promise<TRecordedRow> {
      return new Promise<TRecordedRow>((resolve, reject) => {
        waiting.push({ call, event, resolve, reject });
        void drain();
      });
    },
  };
}
