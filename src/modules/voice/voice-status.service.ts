import { isCallStatus, isTerminal } from './calls/call-state.policy';
import { logEvent, write, type TTwilioParams, type TVoiceDeps } from './voice.context';
import { callStatusChanged } from './voice-routing.port';
import { removeFromQueue } from './voice-queue.service';

/**
 * A status callback: always logged raw, then applied through the call state machine. A status
 * for a call we never recorded (Postgres was down at its start) creates the row, flagged.
 */
export async function statusReceived(
  deps: TVoiceDeps,
  hotlineHint: string | undefined,
  params: TTwilioParams,
): Promise<void> {
  const callSid = params.CallSid ?? '';
  const status = params.CallStatus ?? '';
  await logEvent(deps, callSid, 'status', params);
  if (!callSid || !isCallStatus(status)) return;
  const seq = Number(params.SequenceNumber);
  const duration = Number(params.CallDuration);
  const change = {
    status,
    ...(Number.isInteger(seq) && params.SequenceNumber !== undefined
      ? { sequenceNumber: seq }
      : {}),
    ...(Number.isInteger(duration) && params.CallDuration !== undefined
      ? { durationSeconds: duration }
      : {}),
    at: deps.now(),
  };
  const hotline =
    hotlineHint ??
    (params.To ? deps.hotlines.byPhoneNumber(params.To)?.number : undefined) ??
    'unknown';

  let applied: { changed: boolean; status: string } | null = null;
  await write(
    deps,
    callSid,
    async () => {
      applied = await deps.calls.applyStatus({ callSid, ...change });
      if (applied === null) {
        await deps.calls.recordCall({
          callSid,
          hotline,
          fromEncrypted: null,
          fromHash: null,
          needsReconciliation: true,
        });
        applied = await deps.calls.applyStatus({ callSid, ...change });
      }
    },
    { type: 'status', ...change },
  );
  const result = applied as { changed: boolean; status: string } | null;
  if (result?.changed) callStatusChanged(deps, callSid, result.status);
  // Twilio normally reports the hang-up through the Enqueue action too; this covers a lost one.
  if (isTerminal(status) && hotline !== 'unknown')
    await removeFromQueue(deps, callSid, hotline, 'hangup');
}
