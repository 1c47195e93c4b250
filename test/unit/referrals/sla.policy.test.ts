import { describe, expect, it } from 'vitest';
import {
  addOpenMinutes,
  nextOpenMoment,
} from '../../../src/modules/referrals/tickets/partner-calendar.policy';
import { activeTimer, dueTimesFor } from '../../../src/modules/referrals/tickets/sla.policy';
import {
  escalationDue,
  nextEscalation,
} from '../../../src/modules/referrals/tickets/escalation.policy';
import { alwaysOpen, laoTime, officeHours } from '../../fixtures/referrals';

describe('partner calendar', () => {
  it('counts wall-clock minutes for a 24/7 unit', () => {
    expect(addOpenMinutes(alwaysOpen, laoTime('2026-04-14T23:50:00'), 15)).toEqual(
      laoTime('2026-04-15T00:05:00'),
    );
  });

  it('carries the rest of the time over to the next working morning', () => {
    // Friday 16:30 + 60 open minutes → Monday 08:30 (Lao time).
    expect(addOpenMinutes(officeHours(), laoTime('2026-11-20T16:30:00'), 60)).toEqual(
      laoTime('2026-11-23T08:30:00'),
    );
  });

  it('skips Lao public holidays (Pi Mai, 14–16 April)', () => {
    const hours = officeHours(['2026-04-14', '2026-04-15', '2026-04-16']);
    expect(addOpenMinutes(hours, laoTime('2026-04-13T16:00:00'), 120)).toEqual(
      laoTime('2026-04-17T09:00:00'),
    );
    expect(nextOpenMoment(hours, laoTime('2026-04-14T10:00:00'))).toEqual(
      laoTime('2026-04-17T08:00:00'),
    );
  });

  it('starts counting at opening time when the ticket arrives at night', () => {
    expect(addOpenMinutes(officeHours(), laoTime('2026-11-24T02:00:00'), 15)).toEqual(
      laoTime('2026-11-24T08:15:00'),
    );
  });
});

describe('SLA due times', () => {
  it('chains acknowledge and decide by priority', () => {
    const now = laoTime('2026-11-24T10:00:00');
    const due = dueTimesFor('emergency', alwaysOpen, now);
    expect(due.dueAcknowledgeAt).toEqual(laoTime('2026-11-24T10:15:00'));
    expect(due.dueDecideAt).toEqual(laoTime('2026-11-24T11:15:00'));
    expect(due.dueResolveAt > due.dueUpdateAt).toBe(true);
  });

  it('runs the timer that fits the ticket state', () => {
    const due = dueTimesFor('urgent', alwaysOpen, laoTime('2026-11-24T10:00:00'));
    expect(activeTimer({ state: 'pending', ...due })?.timer).toBe('acknowledge');
    expect(activeTimer({ state: 'acknowledged', ...due })?.timer).toBe('decide');
    expect(activeTimer({ state: 'on_hold', ...due })?.timer).toBe('update');
    expect(activeTimer({ state: 'completed', ...due })).toBeNull();
  });
});

describe('escalation ladder', () => {
  const now = laoTime('2026-11-24T10:00:00');
  const ticket = {
    state: 'pending' as const,
    priority: 'emergency' as const,
    escalationLevel: 0,
    ...dueTimesFor('emergency', alwaysOpen, now),
  };

  it('climbs one level per step after the due time, up to the alternate partner', () => {
    expect(escalationDue(ticket, laoTime('2026-11-24T10:14:59'))).toBeNull();
    expect(escalationDue(ticket, laoTime('2026-11-24T10:15:00'))).toMatchObject({
      level: 1,
      timer: 'acknowledge',
    });
    expect(nextEscalation({ ...ticket, escalationLevel: 1 })?.at).toEqual(
      laoTime('2026-11-24T10:30:00'),
    );
    expect(nextEscalation({ ...ticket, escalationLevel: 3 })).toMatchObject({
      level: 4,
      at: laoTime('2026-11-24T11:00:00'),
    });
    expect(nextEscalation({ ...ticket, escalationLevel: 4 })).toBeNull();
  });

  it('applies one level at a time even when long overdue', () => {
    expect(escalationDue(ticket, laoTime('2026-11-25T10:00:00'))?.level).toBe(1);
  });
});
