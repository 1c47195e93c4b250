import { describe, expect, it } from 'vitest';
import { inboxReason } from '../../../src/modules/referrals/tickets/escalation-inbox.policy';

const now = new Date('2026-12-01T10:00:00+07:00');
const hourAgo = new Date(now.getTime() - 3_600_000);
const inAnHour = new Date(now.getTime() + 3_600_000);
const ticket = {
  state: 'pending' as const,
  escalationLevel: 0,
  dueAcknowledgeAt: inAnHour,
  dueDecideAt: null,
  dueUpdateAt: null,
  dueResolveAt: null,
};

describe('which tickets a supervisor must look at', () => {
  it('leaves out a ticket still within its due time and never escalated', () => {
    expect(inboxReason(ticket, now)).toBeNull();
  });

  it('shows a ticket whose running due time has passed, before the sweep escalates it', () => {
    expect(inboxReason({ ...ticket, dueAcknowledgeAt: hourAgo }, now)).toEqual({
      timer: 'acknowledge',
      dueAt: hourAgo,
      overdue: true,
    });
  });

  it('keeps an escalated ticket in view after the partner caught up with the next step', () => {
    const caughtUp = {
      ...ticket,
      state: 'acknowledged' as const,
      escalationLevel: 2,
      dueDecideAt: inAnHour,
    };
    expect(inboxReason(caughtUp, now)).toEqual({
      timer: 'decide',
      dueAt: inAnHour,
      overdue: false,
    });
  });

  it('judges the due time of the current state only', () => {
    const accepted = {
      ...ticket,
      state: 'accepted' as const,
      dueAcknowledgeAt: hourAgo,
      dueResolveAt: inAnHour,
    };
    expect(inboxReason(accepted, now)).toBeNull();
  });
});
