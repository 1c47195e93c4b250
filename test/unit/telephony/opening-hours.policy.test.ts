import { describe, expect, it } from 'vitest';
import { isOpen, localTime } from '../../../src/modules/hotlines/opening-hours.policy';

const weekdays = {
  weekly: {
    '1': [['08:00', '17:00']],
    '2': [['08:00', '17:00']],
    '3': [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
  },
  holidays: ['2026-12-02'],
} as const;
const hours = {
  weekly: Object.fromEntries(
    Object.entries(weekdays.weekly).map(([d, r]) => [d, r.map((x) => [...x])]),
  ),
  holidays: [...weekdays.holidays],
} as Parameters<typeof isOpen>[0];

describe('opening hours in Asia/Vientiane', () => {
  it('reads the clock in Vientiane (UTC+7), not UTC', () => {
    // Monday 2026-11-23 01:30 UTC is 08:30 in Vientiane.
    expect(localTime(new Date('2026-11-23T01:30:00Z'))).toEqual({
      date: '2026-11-23',
      weekday: '1',
      time: '08:30',
    });
    expect(isOpen(hours, new Date('2026-11-23T01:30:00Z'))).toBe(true);
    expect(isOpen(hours, new Date('2026-11-23T00:30:00Z'))).toBe(false);
  });

  it('turns to the next minute and the next day at the second they begin', () => {
    expect(localTime(new Date('2026-11-23T16:59:59.999Z')).time).toBe('23:59');
    expect(localTime(new Date('2026-11-23T17:00:00.000Z'))).toEqual({
      date: '2026-11-24',
      weekday: '2',
      time: '00:00',
    });
    // Back to an earlier minute (another call's clock): still its own answer.
    expect(localTime(new Date('2026-11-23T16:59:30Z')).date).toBe('2026-11-23');
  });

  it('closes at the closing minute and over lunch', () => {
    expect(isOpen(hours, new Date('2026-11-23T09:59:00Z'))).toBe(true); // 16:59
    expect(isOpen(hours, new Date('2026-11-23T10:00:00Z'))).toBe(false); // 17:00
    expect(isOpen(hours, new Date('2026-11-25T05:30:00Z'))).toBe(false); // Wednesday 12:30
    expect(isOpen(hours, new Date('2026-11-25T06:00:00Z'))).toBe(true); // Wednesday 13:00
  });

  it('a Vientiane date that is still the previous day in UTC counts as the new day', () => {
    // Sunday 2026-11-22 20:00 UTC is Monday 03:00 in Vientiane: Monday rules, before opening.
    expect(localTime(new Date('2026-11-22T20:00:00Z')).weekday).toBe('1');
  });

  it('holidays and days without hours are closed', () => {
    expect(isOpen(hours, new Date('2026-12-02T03:00:00Z'))).toBe(false); // Wednesday holiday
    expect(isOpen(hours, new Date('2026-11-28T03:00:00Z'))).toBe(false); // Saturday
  });

  it('"24:00" closes at the end of the day', () => {
    const allDay = { weekly: { '1': [['00:00', '24:00']] }, holidays: [] } as Parameters<
      typeof isOpen
    >[0];
    expect(isOpen(allDay, new Date('2026-11-23T16:59:00Z'))).toBe(true); // 23:59 Monday
  });
});
