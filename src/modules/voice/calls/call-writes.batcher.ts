import type { TSql } from '../../../infra/database';
import type { TCallEvent, TNewCall } from './call-records';
import { recordCallsStatement, type TRecordedRow } from './call-writes.statements';
import { groupCommit } from '../../../infra/group-commit';

type TRecording = { call: TNewCall; event: TCallEvent | null };

/**
 * Group commit for call recordings: a surge of calls pays one round trip and one commit per
 * batch instead of per call. A failed batch fails each of its calls (the webhook then buffers
 * them for the reconciler, as for any write).
 */
export function callWritesBatcher(client: TSql) {
  const record = groupCommit<TRecording, TRecordedRow>(async (batch) => {
    // The same CallSid twice in one batch (a duplicate delivery) is one row; both get its state.
    const calls = new Map<string, TNewCall>();
    for (const { item } of batch)
      if (!calls.has(item.call.callSid)) calls.set(item.call.callSid, item.call);
    const events = batch.flatMap(({ item }) => (item.event ? [item.event] : []));
    try {
      const rows = await recordCallsStatement(client, [...calls.values()], events);
      const bySid = new Map(rows.map((r) => [r.callSid, r]));
      for (const w of batch) {
        const row = bySid.get(w.item.call.callSid);
        if (row) w.resolve(row);
        else w.reject(new Error('call not recorded'));
      }
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  });
  return {
    record: (call: TNewCall, event: TCallEvent | null) => record({ call, event }),
  };
}
