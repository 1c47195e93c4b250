import type { TCaseStatus } from '../../../db/schema/cases';

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
