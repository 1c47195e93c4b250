import { describe, expect, it } from 'vitest';
import { statusChangeProblem } from '../../../src/modules/cases/case-status.policy';
import {
  isPastDay,
  reminderDelayMs,
  vientianeToday,
} from '../../../src/modules/cases/follow-up-due.policy';

describe('case status change reasons', () => {
  it('asks for a closure reason, a reopen reason, and a note for "other"', () => {
    expect(statusChangeProblem('active', { status: 'closed' })).toBe('CLOSURE_REASON_REQUIRED');
    expect(statusChangeProblem('active', { status: 'closed', closureReason: 'other' })).toBe(
      'REASON_NOTE_REQUIRED',
    );
    expect(
      statusChangeProblem('active', { status: 'closed', closureReason: 'other', note: 'moved' }),
    ).toBeNull();
    expect(statusChangeProblem('closed', { status: 'active' })).toBe('REOPEN_REASON_REQUIRED');
    expect(statusChangeProblem('closed', { status: 'active', reopenReason: 'new_contact' })).toBe(
      null,
    );
    // Between open statuses nothing is asked.
    expect(statusChangeProblem('open', { status: 'active' })).toBeNull();
  });
});

describe('follow-up due days', () => {
  it('uses the Vientiane day and reminds at 08:00 there', () => {
    // 20:00 UTC on 4 Dec is 03:00 on 5 Dec in Vientiane.
    const now = new Date('2026-12-04T20:00:00Z');
    expect(vientianeToday(now)).toBe('2026-12-05');
    expect(isPastDay('2026-12-04', now)).toBe(true);
    expect(isPastDay('2026-12-05', now)).toBe(false);
    expect(reminderDelayMs('2026-12-05', now)).toBe(5 * 3600 * 1000);
    expect(reminderDelayMs('2026-12-05', new Date('2026-12-05T02:00:00Z'))).toBe(0);
  });
});
