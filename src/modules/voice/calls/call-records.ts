import type { TCallEventRow } from '../../routing/call-events.statements';
/** The shapes of a call's records, shared by the repository and its batched statements. */

export type TNewCall = {
  callSid: string;
  hotline: string;
  direction?: 'inbound' | 'outbound';
  fromEncrypted: string | null;
  fromHash: string | null;
  route?: string | null;
  language?: string | null;
  enqueuedAt?: Date | null;
  startedAt?: Date;
  needsReconciliation?: boolean;
};

export type TCallUpdate = Partial<{
  language: string;
  route: string;
  enqueuedAt: Date | null;
  leftQueueAt: Date;
  queueResult: string;
  callbackRequested: boolean;
  voicemailUrl: string;
  needsReconciliation: boolean;
  afterCallAskedAt: Date;
  afterCallAnswer: 'yes' | 'no';
}>;

/** A raw Twilio event as the call-event log stores it. */
export type TCallEvent = TCallEventRow;

/**
 * Where a call stands for a webhook that would put it in the queue: `open` (its first enqueue
 * time, written once), `over` (ended or already gone from the queue: a replay or late delivery)
 * or `unknown` (no row yet, e.g. its first webhook was buffered while Postgres was down).
 */
export type TQueueEntry = { state: 'open'; enqueuedAt: Date } | { state: 'over' | 'unknown' };

/** The call row after the incoming webhook's upsert: lets a replay of it be told apart. */
export type TRecordedCall = { status: string; queueResult: string | null };
