/** Twilio CallStatus values, in the order a call moves through them. */
export const CALL_STATUSES = [
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
] as const;
export type TCallStatus = (typeof CALL_STATUSES)[number];

const TERMINAL: ReadonlySet<TCallStatus> = new Set([
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
]);

const RANK: Record<TCallStatus, number> = {
  queued: 0,
  initiated: 0,
  ringing: 1,
  'in-progress': 2,
  completed: 3,
  busy: 3,
  failed: 3,
  'no-answer': 3,
  canceled: 3,
};

export type TCallState = { status: TCallStatus; lastSequence: number };
export type TStatusEvent = { status: TCallStatus; sequenceNumber?: number };

export function isCallStatus(value: string): value is TCallStatus {
  return (CALL_STATUSES as readonly string[]).includes(value);
}

export function isTerminal(status: TCallStatus): boolean {
  return TERMINAL.has(status);
}

/**
 * Applies one status callback. Twilio may deliver twice or out of order: an event whose
 * SequenceNumber is not newer, or that would move the call backwards, changes nothing, and a
 * terminal state is final.
 */
export function nextCallState(
  current: TCallState,
  event: TStatusEvent,
): TCallState & { changed: boolean } {
  const unchanged = { ...current, changed: false };
  if (isTerminal(current.status)) return unchanged;
  const seq = event.sequenceNumber;
  if (seq !== undefined && seq <= current.lastSequence) return unchanged;
  const lastSequence = seq ?? current.lastSequence;
  if (event.status === current.status || RANK[event.status] < RANK[current.status])
    return { ...current, lastSequence, changed: false };
  return { status: event.status, lastSequence, changed: true };
}
