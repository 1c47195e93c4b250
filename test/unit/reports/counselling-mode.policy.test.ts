import { describe, expect, it } from 'vitest';
import { counsellingModeOf } from '../../../src/modules/reports/counselling-mode.policy';
import { wholeMonthsOf } from '../../../src/modules/reports/report-period.policy';

describe('counselling modes', () => {
  it('counts a written conversation (chat or SMS) as chat, beside hotline, phone and face to face', () => {
    expect(counsellingModeOf('chat', 'crisis')).toBe('chat');
    expect(counsellingModeOf('sms', 'information')).toBe('chat');
    expect(counsellingModeOf('call', 'crisis')).toBe('hotline');
    expect(counsellingModeOf('call_back', 'crisis')).toBe('phone');
    expect(counsellingModeOf('field_visit', 'crisis')).toBe('face_to_face');
    // A prank or a silent chat is a contact, not a session.
    expect(counsellingModeOf('chat', 'prank')).toBeNull();
  });
});

describe('whole months', () => {
  it('recognises a month, a quarter and a run of months, and nothing that cuts one', () => {
    expect(wholeMonthsOf({ from: '2025-06-01', to: '2025-06-30' })).toEqual({
      first: '2025-06-01',
      last: '2025-06-01',
    });
    expect(wholeMonthsOf({ from: '2024-12-01', to: '2025-02-28' })).toEqual({
      first: '2024-12-01',
      last: '2025-02-01',
    });
    expect(wholeMonthsOf({ from: '2024-02-01', to: '2024-02-29' })).not.toBeNull();
    expect(wholeMonthsOf({ from: '2025-02-01', to: '2025-02-29' })).toBeNull();
    expect(wholeMonthsOf({ from: '2025-06-02', to: '2025-06-30' })).toBeNull();
    expect(wholeMonthsOf({ from: '2025-06-01', to: '2025-07-30' })).toBeNull();
  });
});
