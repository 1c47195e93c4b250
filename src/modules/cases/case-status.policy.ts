import type { TCaseClosureReason, TCaseReopenReason, TCaseStatus } from '../../../db/schema/cases';

// Reopening is allowed: a closed case comes back to life when the person calls again.
const allowed: Record<TCaseStatus, readonly TCaseStatus[]> = {
  open: ['active', 'closed'],
  active: ['follow_up', 'closed', 'closed_referred'],
  follow_up: ['active', 'closed', 'closed_referred'],
  closed: ['active'],
  closed_referred: ['active', 'follow_up'],
};

export function canMoveCase(from: TCaseStatus, to: TCaseStatus): boolean {
  return allowed[from].includes(to);
}

export function isClosed(status: TCaseStatus): boolean {
  return status === 'closed' || status === 'closed_referred';
}

/** The statuses a case can move to next (the console shows only these buttons). */
export function nextCaseStatuses(from: TCaseStatus): readonly TCaseStatus[] {
  return allowed[from];
}

export type TStatusChangeInput = {
  status: TCaseStatus;
  closureReason?: TCaseClosureReason | undefined;
  reopenReason?: TCaseReopenReason | undefined;
  note?: string | undefined;
};

/**
 * What a status change is missing, or null: closing needs a closure reason, reopening a closed
 * case needs a reopen reason, and 'other' needs a note saying what it was.
 */
export function statusChangeProblem(
  from: TCaseStatus,
  input: TStatusChangeInput,
): 'CLOSURE_REASON_REQUIRED' | 'REOPEN_REASON_REQUIRED' | 'REASON_NOTE_REQUIRED' | null {
  const closing = isClosed(input.status) && !isClosed(from);
  const reopening = isClosed(from) && !isClosed(input.status);
  if (closing && !input.closureReason) return 'CLOSURE_REASON_REQUIRED';
  if (reopening && !input.reopenReason) return 'REOPEN_REASON_REQUIRED';
  const reason = closing ? input.closureReason : reopening ? input.reopenReason : undefined;
  if (reason === 'other' && !input.note?.trim()) return 'REASON_NOTE_REQUIRED';
  return null;
}
